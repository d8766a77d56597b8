package io.borderlink.gateway.submission;

import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.RefusalFloods;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Audits every refused submission with its stable code, who presented it and the digest of what was
 * presented (a flood of identical ones as the first and a count, {@link RefusalFloods}). The caller sees only the code and a short message; the cause stays in the log and the trail.
 */
@Component("submissionRejections")
public class SubmissionRejections {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRejections.class);

    private final RefusalFloods floods;
    private final Agencies agencies;
    private final Partners partners;

    SubmissionRejections(Agencies agencies, Partners partners, RefusalFloods floods) {
        this.floods = floods;
        this.agencies = agencies;
        this.partners = partners;
    }

    /**
     * Called by the intake error policy with the original submission and what went wrong. When the database
     * cannot be reached nothing was stored, so the caller is told to come back (STORE_UNAVAILABLE, 503)
     * rather than given an internal error; that refusal cannot be audited, only logged.
     */
    public void record(@Body Submission submission, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (StoreFailures.unavailable(cause)) {
            log.warn("submission refused, the database is unavailable: {}", cause.toString());
            throw new GatewayException(
                    ErrorCode.STORE_UNAVAILABLE,
                    "the exchange cannot be stored now and was not accepted; try again",
                    cause);
        }
        UUID exchangeId = null;
        String digest = null;
        if (cause instanceof RejectedSubmissionException rejected) {
            exchangeId = rejected.claimedExchangeId();
            digest = rejected.digest();
        } else if (submission != null && submission.document() != null) {
            digest = Digests.sha256(submission.document());
        }
        ErrorCode code = cause instanceof GatewayException g ? g.code() : ErrorCode.INTERNAL_ERROR;
        // An unexpected failure is logged with its cause where the flows are entered (Flows), once.
        if (code != ErrorCode.INTERNAL_ERROR) {
            log.info(
                    "submission {}refused with {}: {}",
                    exchangeId == null ? "" : exchangeId + " ",
                    code,
                    cause.getMessage());
        }
        record(exchangeId, digest, submission == null ? null : submission.client(), code, cause.getMessage());
    }

    /**
     * For refusals that happen before a submission reaches the flow, such as an oversized request. A refused
     * document proves nothing about the exchange it claims to be, so the claimed id goes into the detail and
     * the event onto no exchange's timeline: a forger cannot write into the history of a real exchange.
     */
    public void record(UUID claimedId, String digest, X509Certificate client, ErrorCode code, String detail) {
        String described = claimedId == null ? detail : claimedDetail(claimedId) + detail;
        AuditEvent event =
                AuditEvent.rejected(AuditStep.RECEIVE, null, code, described).digest(digest);
        if (client != null) {
            String actor = agencies.current()
                    .byCertificate(client)
                    .map(Agency::id)
                    .or(() -> partners.current().byCertificate(client).map(Partner::id))
                    .orElse(client.getSubjectX500Principal().getName());
            event = event.actor(actor, Certificates.fingerprint(client));
        }
        floods.record(event);
    }

    /** How a refusal names the exchange id the refused document claimed; the trail is searched by it. */
    public static String claimedDetail(UUID claimedId) {
        return "claimed exchange " + claimedId + ": ";
    }
}
