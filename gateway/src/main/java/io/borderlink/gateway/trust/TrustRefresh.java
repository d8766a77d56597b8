package io.borderlink.gateway.trust;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.pki.Revocation;
import io.borderlink.gateway.pki.Revocation.Change;
import io.borderlink.gateway.pki.Revocation.Crl;
import io.borderlink.gateway.trust.TrustHealth.CertificateExpiry;
import io.borderlink.gateway.trust.TrustHealth.CrlExpiry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trust.refresh route's step, on every node: new revocation data is taken in (and each CRL that arrived
 * or expired is audited as a TRUST event), the expiry metrics are brought up to date, and a certificate or
 * CRL that enters its warning horizon is logged once.
 */
@Component("trustRefresh")
public class TrustRefresh {

    private static final Logger log = LoggerFactory.getLogger(TrustRefresh.class);
    private static final String ACTOR = "trust";

    private final Revocation revocation;
    private final TrustHealth health;
    private final TrustMetrics metrics;
    private final AuditTrail audit;
    private final Set<String> warned = new HashSet<>();

    TrustRefresh(Revocation revocation, TrustHealth health, TrustMetrics metrics, AuditTrail audit) {
        this.revocation = revocation;
        this.health = health;
        this.metrics = metrics;
        this.audit = audit;
        report();
    }

    public synchronized void refresh() {
        revocation.refresh().ifPresent(this::audit);
        report();
    }

    private void audit(Change change) {
        List<AuditEvent> events = new ArrayList<>();
        for (Crl crl : change.arrived()) {
            events.add(AuditEvent.of(AuditStep.TRUST, Outcome.OK)
                    .actor(ACTOR, null)
                    .detail("CRL of " + crl.issuer() + " from " + crl.source() + " in force (generation "
                            + change.after().generation() + "): next update " + crl.nextUpdate() + ", "
                            + revoked(crl) + " revoked"));
        }
        for (Crl crl : change.newlyExpired()) {
            events.add(AuditEvent.of(AuditStep.TRUST, Outcome.FAILED)
                    .code(ErrorCode.REVOCATION_UNKNOWN)
                    .actor(ACTOR, null)
                    .detail("CRL of " + crl.issuer() + " from " + crl.source() + " expired at " + crl.nextUpdate()
                            + ": certificates under it are refused until a new one arrives"));
            log.error(
                    "CRL of {} from {} expired at {}: certificates under it are refused (REVOCATION_UNKNOWN)",
                    crl.issuer(),
                    crl.source(),
                    crl.nextUpdate());
        }
        audit.record(events);
    }

    private void report() {
        List<CertificateExpiry> certificates = health.certificates();
        List<CrlExpiry> crls = health.crls();
        metrics.update(certificates, crls);
        for (CertificateExpiry expiry : certificates) {
            if (expiry.status() == TrustHealth.Status.EXPIRING
                    && warned.add(expiry.fingerprint() + expiry.owner() + expiry.kind())) {
                log.warn(
                        "certificate {} ({} of {}) expires at {}",
                        expiry.subject(),
                        expiry.kind(),
                        expiry.owner(),
                        expiry.notAfter());
            }
        }
        for (CrlExpiry expiry : crls) {
            if (expiry.status() == TrustHealth.Status.EXPIRING
                    && warned.add(expiry.issuer() + expiry.source() + expiry.nextUpdate())) {
                log.warn(
                        "CRL of {} from {} reaches its next update at {}: publish a new one before then",
                        expiry.issuer(),
                        expiry.source(),
                        expiry.nextUpdate());
            }
        }
    }

    private static int revoked(Crl crl) {
        return crl.crl().getRevokedCertificates() == null
                ? 0
                : crl.crl().getRevokedCertificates().size();
    }
}
