package io.borderlink.gateway.audit;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.config.InvalidConfigurationException;
import java.util.UUID;

/**
 * One audited step: who (actor and the fingerprint of the certificate they used), what (step and
 * outcome, with a stable code when it is not plain success), which exchange and partner, and the
 * digest of the document concerned. The time and node are stamped when the event is recorded.
 */
public record AuditEvent(
        AuditStep step,
        Outcome outcome,
        UUID exchangeId,
        String partnerId,
        String code,
        String actor,
        String actorCertificate,
        String digest,
        String detail) {

    public enum Outcome {
        OK,
        REJECTED,
        RELEASED,
        HELD,
        DENIED,
        RETRY,
        FAILED
    }

    /**
     * An event of a step with its outcome and nothing else yet; the rest is added by name
     * ({@code AuditEvent.of(DELIVER, RETRY).about(exchange, partner).code(...).detail(...)}).
     */
    public static AuditEvent of(AuditStep step, Outcome outcome) {
        return new AuditEvent(step, outcome, null, null, null, null, null, null, null);
    }

    public static AuditEvent ok(AuditStep step, UUID exchangeId) {
        return of(step, Outcome.OK).exchange(exchangeId);
    }

    public static AuditEvent rejected(AuditStep step, UUID exchangeId, ErrorCode code, String detail) {
        return of(step, Outcome.REJECTED).exchange(exchangeId).code(code).detail(detail);
    }

    /** Configuration that is data (partner, agency, people files) reloaded: applied, or refused with its reason. */
    public static AuditEvent configurationApplied(String detail) {
        return of(AuditStep.POLICY, Outcome.OK).actor("configuration", null).detail(detail);
    }

    public static AuditEvent configurationRefused(InvalidConfigurationException refusal) {
        return of(AuditStep.POLICY, Outcome.REJECTED)
                .code(ErrorCode.CONFIGURATION_INVALID)
                .actor("configuration", null)
                .detail(refusal.getMessage());
    }

    public AuditEvent exchange(UUID exchangeId) {
        return new AuditEvent(step, outcome, exchangeId, partnerId, code, actor, actorCertificate, digest, detail);
    }

    public AuditEvent partner(String partnerId) {
        return new AuditEvent(step, outcome, exchangeId, partnerId, code, actor, actorCertificate, digest, detail);
    }

    /** The exchange and the partner (or, inbound, the agency) the event concerns. */
    public AuditEvent about(UUID exchangeId, String partnerId) {
        return exchange(exchangeId).partner(partnerId);
    }

    public AuditEvent actor(String actor, String certificateFingerprint) {
        return new AuditEvent(
                step, outcome, exchangeId, partnerId, code, actor, certificateFingerprint, digest, detail);
    }

    public AuditEvent code(String code) {
        return new AuditEvent(step, outcome, exchangeId, partnerId, code, actor, actorCertificate, digest, detail);
    }

    public AuditEvent code(ErrorCode code) {
        return code(code.name());
    }

    public AuditEvent digest(String digest) {
        return new AuditEvent(step, outcome, exchangeId, partnerId, code, actor, actorCertificate, digest, detail);
    }

    public AuditEvent detail(String detail) {
        return new AuditEvent(step, outcome, exchangeId, partnerId, code, actor, actorCertificate, digest, detail);
    }

    public AuditEvent outcome(Outcome outcome, String code, String detail) {
        return new AuditEvent(step, outcome, exchangeId, partnerId, code, actor, actorCertificate, digest, detail);
    }
}
