package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.XmlCrypto;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an evidence bundle carries besides the chain: the documents kept for its exchanges (under
 * {@code evidence/}, indexed in {@link BundleFormat#EVIDENCE}) and the officers' signed approval
 * statements.
 */
@Component
class BundleDocuments {

    private final JdbcTemplate jdbc;
    private final XmlCrypto xml;
    private final KeptDocuments evidence;
    private final BundleLifecycle lifecycle;

    BundleDocuments(JdbcTemplate jdbc, XmlCrypto xml, KeptDocuments evidence) {
        this.jdbc = jdbc;
        this.xml = xml;
        this.evidence = evidence;
        this.lifecycle = new BundleLifecycle(List.of());
    }

    /**
     * Writes every document kept for the exchanges under {@code evidence/<exchange>/}, and their index; adds
     * the certificates that signed the originals to {@code signers}, and those that signed recipients'
     * receipts, with their chains, to {@code receiptSigners}. Answers how many documents.
     */
    int write(
            List<UUID> exchanges,
            Set<X509Certificate> signers,
            Set<X509Certificate> receiptSigners,
            BundleWriter writer)
            throws IOException {
        ArrayNode index = BundleWriter.JSON.createArrayNode();
        for (UUID exchange : exchanges) {
            List<KeptDocuments.Document> documents = evidence.documents(exchange);
            for (KeptDocuments.Document document : documents) {
                String name = "evidence/" + exchange + "/" + document.kind()
                        + (document.recipientId() == null ? "" : "-" + document.recipientId()) + "-"
                        + document.digest().substring(0, 16) + extension(document.mediaType());
                if (!writer.contains(name)) {
                    writer.raw(name, document.content());
                }
                index.addObject()
                        .put("exchangeId", exchange.toString())
                        .put("kind", document.kind())
                        .put("partnerId", document.recipientId())
                        .put("digest", document.digest())
                        .put("mediaType", document.mediaType())
                        .put("createdAt", document.createdAt().toString())
                        .put("file", name);
                if ("SIGNED_ORIGINAL".equals(document.kind())) {
                    signer(document.content()).ifPresent(signers::add);
                }
                if (BundleLifecycle.PARTNER_RECEIPT.equals(document.kind())) {
                    receiptSigners.addAll(lifecycle.signers(document.content(), document.mediaType()));
                }
            }
        }
        writer.json(BundleFormat.EVIDENCE, index);
        return index.size();
    }

    /**
     * What retention destroyed of the exchanges: rule, time and the inventory of the documents (kind, recipient,
     * digest), whose SHA-256 the PURGED event in the chain carries.
     */
    ArrayNode purges(List<UUID> exchanges) {
        ArrayNode list = BundleWriter.JSON.createArrayNode();
        for (UUID exchange : exchanges) {
            jdbc.query(
                    """
                    SELECT exchange_id, rule_id, purged_at, documents, inventory FROM exchange_purge
                    WHERE exchange_id = ?""",
                    rs -> {
                        list.addObject()
                                .put("exchangeId", rs.getString("exchange_id"))
                                .put("ruleId", rs.getString("rule_id"))
                                .put(
                                        "purgedAt",
                                        rs.getObject("purged_at", OffsetDateTime.class)
                                                .toInstant()
                                                .toString())
                                .put("documents", rs.getInt("documents"))
                                .put("inventory", rs.getString("inventory"));
                    },
                    exchange);
        }
        return list;
    }

    /** Every officer's decision on the exchanges' shares, with the statement the gateway signed. */
    ArrayNode approvals(List<UUID> exchanges) {
        ArrayNode list = BundleWriter.JSON.createArrayNode();
        for (UUID exchange : exchanges) {
            jdbc.query(
                    """
                    SELECT a.id, a.share_id, s.exchange_id, s.recipient_id, a.view_digest, a.policy_version, a.officer,
                           a.officer_certificate, a.verdict, a.reason, a.decided_at, a.statement
                    FROM approval a JOIN share s ON s.id = a.share_id WHERE s.exchange_id = ? ORDER BY a.id""",
                    rs -> {
                        list.addObject()
                                .put("id", rs.getLong("id"))
                                .put("shareId", rs.getString("share_id"))
                                .put("exchangeId", rs.getString("exchange_id"))
                                .put("partnerId", rs.getString("recipient_id"))
                                .put("viewDigest", rs.getString("view_digest"))
                                .put("policyVersion", rs.getString("policy_version"))
                                .put("officer", rs.getString("officer"))
                                .put("officerCertificate", rs.getString("officer_certificate"))
                                .put("verdict", rs.getString("verdict"))
                                .put("reason", rs.getString("reason"))
                                .put(
                                        "decidedAt",
                                        rs.getObject("decided_at", OffsetDateTime.class)
                                                .toInstant()
                                                .toString())
                                .put("statement", rs.getString("statement"));
                    },
                    exchange);
        }
        return list;
    }

    /** The agency certificate that signed an original, for the bundle's certificates; the verifier re-checks. */
    private Optional<X509Certificate> signer(byte[] signedOriginal) {
        try {
            return Optional.of(xml.verify(SecureXml.parse(signedOriginal)));
        } catch (GatewayException e) {
            return Optional.empty();
        }
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/xml" -> ".xml";
            case "application/jose" -> ".jose";
            case "application/json" -> ".json";
            default -> ".bin";
        };
    }
}
