package io.borderlink.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One exchange from receipt to delivery: what the gateway verified, every event with its actor and code,
 * each partner's share, the evidence kept and the officers' decisions.
 *
 * @param exchange null when nothing was accepted under this id (only refusals were recorded)
 */
public record Timeline(
        UUID exchangeId,
        Exchange exchange,
        List<AuditedEvent> events,
        List<Share> shares,
        List<Document> evidence,
        List<Approval> approvals) {

    public record Exchange(
            String originator,
            String category,
            String classification,
            String channel,
            Instant createdAt,
            Instant receivedAt,
            String signerCertificate,
            String clientCertificate,
            String signedDigest) {}

    public record Share(
            UUID id,
            String partnerId,
            String decision,
            String ruleId,
            String policyVersion,
            String viewDigest,
            String state,
            int attempts,
            String lastErrorCode,
            Instant deliveredAt) {}

    public record Document(
            String kind, String partnerId, String digest, String mediaType, int size, Instant createdAt) {}

    public record Approval(
            long id,
            String partnerId,
            String officer,
            String officerCertificate,
            String verdict,
            String reason,
            String viewDigest,
            Instant decidedAt) {}
}
