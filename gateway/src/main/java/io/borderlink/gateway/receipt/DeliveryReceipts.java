package io.borderlink.gateway.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.api.DeliveryReceipt;
import io.borderlink.contracts.api.DeliveryReceiptQuery;
import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.ShareStatus;
import io.borderlink.contracts.api.StatusQuery;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.gateway.audit.KeptDocuments;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.exchange.ExchangeQueries;
import io.borderlink.gateway.pki.GatewayKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signed delivery receipt an agency can fetch for each share of its own exchange once it is delivered:
 * the gateway's statement of what it sent to whom and when, and of the recipient's own signed receipt for
 * it, named by the digests kept as evidence. Only the originating agency may ask; other callers, shares not
 * delivered and purged exchanges get {@code NOT_FOUND}.
 */
@Component("deliveryReceipts")
public class DeliveryReceipts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeQueries queries;
    private final EvidenceStore evidence;
    private final CertifiedJws jws;
    private final GatewayKeys keys;

    DeliveryReceipts(ExchangeQueries queries, EvidenceStore evidence, JoseCrypto jose, GatewayKeys keys) {
        this.queries = queries;
        this.evidence = evidence;
        this.jws = new CertifiedJws(jose);
        this.keys = keys;
    }

    public DeliveryReceipt receipt(DeliveryReceiptQuery query) {
        ExchangeStatus status = queries.status(new StatusQuery(query.exchangeId(), query.client()));
        ShareStatus share = status.shares().stream()
                .filter(s -> s.partner().equals(query.recipientId()) && "DELIVERED".equals(s.state()))
                .findFirst()
                .orElseThrow(() -> notFound(query));
        List<KeptDocuments.Document> kept = evidence.inventory(query.exchangeId());
        KeptDocuments.Document sent =
                latest(kept, EvidenceKind.SENT, query.recipientId()).orElseThrow(() -> notFound(query));
        Optional<KeptDocuments.Document> partnerReceipt =
                latest(kept, EvidenceKind.PARTNER_RECEIPT, query.recipientId());
        byte[] statement = JSON.createObjectNode()
                .put("type", "borderlink-delivery-receipt")
                .put("exchangeId", query.exchangeId().toString())
                .put("shareId", share.messageId().toString())
                .put("recipient", query.recipientId())
                .put("deliveredAt", share.deliveredAt().toString())
                .put("sentDigest", sent.digest())
                .put(
                        "recipientReceiptDigest",
                        partnerReceipt.map(KeptDocuments.Document::digest).orElse(null))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        return new DeliveryReceipt(
                query.exchangeId(), query.recipientId(), jws.sign(statement, keys.signingFor(query.client())));
    }

    private static Optional<KeptDocuments.Document> latest(
            List<KeptDocuments.Document> kept, EvidenceKind kind, String recipientId) {
        return kept.stream()
                .filter(d -> d.kind().equals(kind.name()) && recipientId.equals(d.recipientId()))
                .reduce((first, second) -> second);
    }

    private static GatewayException notFound(DeliveryReceiptQuery query) {
        return new GatewayException(
                ErrorCode.NOT_FOUND,
                "no delivered share of exchange " + query.exchangeId() + " to " + query.recipientId()
                        + " with its evidence");
    }
}
