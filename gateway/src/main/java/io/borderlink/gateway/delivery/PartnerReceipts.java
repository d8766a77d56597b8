package io.borderlink.gateway.delivery;

import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.ReceiptFormat.Claims;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.partner.Receipts;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.Trust;
import io.borderlink.gateway.receipt.ReceiptSignatures;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The receipt step of a delivery: a 2xx answer counts only with the recipient's signed receipt, as its
 * format defines it, signed with the certificate the recipient's file registers (its path to the recipient's
 * own root checked, revocation included) and stating the message id and the SHA-256 of exactly what was sent.
 * Anything less is {@code RECEIPT_INVALID}, retried and dead-lettered like any failed attempt; a recipient
 * whose file says {@code receipts: optional} may answer without one.
 */
@Component("partnerReceipts")
public class PartnerReceipts {

    private final ReceiptSignatures signatures;
    private final Trust trust;

    PartnerReceipts(ReceiptSignatures signatures, Trust trust) {
        this.signatures = signatures;
        this.trust = trust;
    }

    public SentMessage verify(SentMessage sent) {
        if (sent.handedOver()) {
            // A file drop has no answer: the recipient's signed receipt comes back later as a file of its own.
            return sent;
        }
        ShareDelivery share = sent.message().share();
        Recipient recipient = share.recipient();
        Optional<ReceiptFormat> format = recipient.format().receipt();
        Optional<byte[]> found = format.flatMap(f -> f.find(sent.answer()));
        if (found.isEmpty()) {
            if (recipient.receipts() == Receipts.REQUIRED) {
                throw invalid(recipient.id() + " answered HTTP " + sent.status() + " without a signed receipt");
            }
            return sent;
        }
        try {
            ReceiptSignatures.Opened opened = signatures.open(format.get(), found.get());
            trust.validateAnchoredAt(recipient.id(), recipient.trustAnchor(), opened.signer());
            // The certificate the recipient's file registers, as for its pushes and its file drops: any other
            // under the same root (another service of its ministry, say) cannot sign its receipts.
            if (!opened.signer().equals(share.certificate())) {
                throw invalid("the receipt is signed by " + opened.signer().getSubjectX500Principal()
                        + ", not with the certificate " + recipient.id() + "'s file registers");
            }
            Claims claims = opened.claims();
            if (!claims.messageId().equals(share.shareId().toString())) {
                throw invalid("the receipt names message " + claims.messageId() + ", not " + share.shareId());
            }
            String sentDigest = sent.message().receiptDigest();
            if (!claims.receivedDigest().equals(sentDigest)) {
                throw invalid("the receipt names what was received by digest " + claims.receivedDigest()
                        + ", but what was sent has " + sentDigest);
            }
            return sent.withReceipt(opened);
        } catch (GatewayException e) {
            throw e.code() == ErrorCode.RECEIPT_INVALID
                    ? e
                    : new GatewayException(
                            ErrorCode.RECEIPT_INVALID,
                            "the receipt of " + recipient.id() + " does not verify: " + e.code() + " " + e.getMessage(),
                            e);
        }
    }

    private static GatewayException invalid(String message) {
        return new GatewayException(ErrorCode.RECEIPT_INVALID, message);
    }
}
