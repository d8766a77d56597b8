package io.borderlink.gateway.filedrop;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.share.Share;
import io.borderlink.gateway.share.ShareState;
import io.borderlink.gateway.share.Shares;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A receipt file a file-drop recipient sent back (docs/air-gap.md): its own signed document, checked with the
 * recipient's certificate, that names one file this gateway wrote for it, by number and digest. The share that
 * file carried becomes DELIVERED, with the receipt kept as its evidence. Kept apart from the rest of the
 * import so that it can later share one receipt check with the online partners' receipts.
 */
@Component
class DropReceipts {

    private final DropSignatures signatures;
    private final DropLedger ledger;
    private final Shares shares;
    private final EvidenceStore evidence;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DropReceipts(
            DropSignatures signatures,
            DropLedger ledger,
            Shares shares,
            EvidenceStore evidence,
            TransactionTemplate transactions,
            Clock clock) {
        this.signatures = signatures;
        this.ledger = ledger;
        this.shares = shares;
        this.evidence = evidence;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Applies a receipt file; answers the exchange of the share it confirmed, or empty when that share is still
     * being recorded as handed over (the receipt came back that fast), so the file waits for the next look. A
     * second receipt for a share already delivered changes nothing.
     */
    Optional<UUID> apply(DropSource source, String fileName, byte[] file, String digest) {
        DropDocuments.Receipt receipt = DropDocuments.readReceipt(signatures.verified(source, file));
        long sequence = receipt.file().sequence();
        DropLedger.Exported exported = ledger.exported(source.id(), sequence)
                .orElseThrow(() ->
                        invalid("a receipt for number " + sequence + ", which was never a message for " + source.id()));
        if (!receipt.file().digest().equals(exported.digest())) {
            throw invalid("a receipt for another file than " + exported.name() + " as it was written");
        }
        Share share = shares.find(exported.shareId())
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.INTERNAL_ERROR, "the share of " + exported.name() + " is missing"));
        if (share.state() == ShareState.PENDING) {
            return Optional.empty();
        }
        if (share.state() == ShareState.HANDED_OVER) {
            AuditEvent confirmed = AuditEvent.of(AuditStep.DELIVER, Outcome.OK)
                    .actor(source.id(), null)
                    .digest(digest)
                    .detail("receipt " + fileName + " confirms " + exported.name() + " (message " + receipt.messageId()
                            + ")");
            transactions.executeWithoutResult(status -> {
                shares.confirm(share.ref(), confirmed);
                evidence.store(share.exchangeId(), EvidenceKind.RECEIPT, source.id(), digest, file, clock.instant());
            });
        }
        return Optional.of(share.exchangeId());
    }

    private static GatewayException invalid(String message) {
        return new GatewayException(ErrorCode.TRANSFER_FILE_INVALID, message);
    }
}
