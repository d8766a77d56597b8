package io.borderlink.gateway.security;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.RefusalFloods;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Audits a client whose certificate the TLS layer refused, before Spring sees a request (there is none): its
 * fingerprint and subject as the actor, why in plain words (an issuer the gateway does not trust, expired,
 * not yet valid) as the detail, {@code TLS_CLIENT_REFUSED} as the code, through the flood aggregation, so a
 * client retrying its handshake leaves one event and a count. What the client chose to put in its
 * certificate is bounded before it reaches the trail.
 */
final class TlsClientRefusals {

    private static final Logger log = LoggerFactory.getLogger(TlsClientRefusals.class);
    private static final int MAX_NAME = 128;

    /** Resolved at the first refusal, not when the web server is built, which comes before the database. */
    private final ObjectProvider<RefusalFloods> floods;

    private final Clock clock;

    TlsClientRefusals(ObjectProvider<RefusalFloods> floods, Clock clock) {
        this.floods = floods;
        this.clock = clock;
    }

    /** Never throws: the handshake fails with the refusal whether or not it could be audited. */
    void refused(X509Certificate[] chain, CertificateException cause) {
        X509Certificate client = chain == null || chain.length == 0 ? null : chain[0];
        AuditEvent event = AuditEvent.rejected(
                AuditStep.ACCESS,
                null,
                ErrorCode.TLS_CLIENT_REFUSED,
                "TLS handshake refused: " + reason(client, cause));
        if (client != null) {
            event = event.actor(bounded(client.getSubjectX500Principal().getName()), Certificates.fingerprint(client));
        }
        try {
            floods.getObject().record(event);
        } catch (RuntimeException e) {
            log.error(
                    "a TLS client refused at the handshake could not be audited: {} ({})",
                    event.detail(),
                    e.toString());
        }
    }

    /** Why, in the words an operator searches for: the dates first, as a path to a trusted root says neither. */
    String reason(X509Certificate client, CertificateException cause) {
        if (client == null) {
            return "no certificate: " + cause.getMessage();
        }
        Instant now = clock.instant();
        if (now.isAfter(client.getNotAfter().toInstant())) {
            return "the certificate expired on " + client.getNotAfter().toInstant();
        }
        if (now.isBefore(client.getNotBefore().toInstant())) {
            return "the certificate is not valid before "
                    + client.getNotBefore().toInstant();
        }
        if (String.valueOf(cause.getMessage()).contains("PKIX path building failed")) {
            return "issued by " + bounded(client.getIssuerX500Principal().getName())
                    + ", which the gateway does not trust";
        }
        return bounded(String.valueOf(cause.getMessage()));
    }

    private static String bounded(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME - 1) + "…";
    }
}
