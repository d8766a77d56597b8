package io.borderlink.gateway.exchange;

import io.borderlink.crypto.KeyEncryptionKeys;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The second half of a key-encryption-key rotation, run by the leader: data keys still wrapped with an
 * older key are rewrapped with the current one, a batch per run, each update conditional on the alias it
 * read, so the job resumes where it stopped after a restart or a change of leader. Every batch is audited;
 * new data keys use the current key from the moment a node starts with it.
 */
@Component("keyRotation")
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final DataKeys keys;
    private final KeyEncryptionKeys keks;
    private final EvidenceSettings settings;
    private final AuditTrail audit;

    KeyRotation(DataKeys keys, KeyEncryptionKeys keks, EvidenceSettings settings, AuditTrail audit) {
        this.keys = keys;
        this.keks = keks;
        this.settings = settings;
        this.audit = audit;
    }

    /** Rewraps one batch; answers how many data keys it moved to the current key-encryption key. */
    public int rewrap() {
        List<String> movedFrom = keys.rewrap(settings.rewrapBatch());
        if (movedFrom.isEmpty()) {
            return 0;
        }
        long left = keys.wrappedWithOlderKeys();
        String detail = "rewrapped " + movedFrom.size() + " data keys from " + new TreeSet<>(movedFrom) + " to "
                + keks.current() + "; " + (left == 0 ? "rotation complete" : left + " left");
        audit.record(AuditEvent.of(AuditStep.KEY_ROTATION, Outcome.OK)
                .actor("gateway", null)
                .detail(detail));
        log.info(detail);
        return movedFrom.size();
    }
}
