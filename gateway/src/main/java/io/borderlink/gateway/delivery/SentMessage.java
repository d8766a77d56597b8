package io.borderlink.gateway.delivery;

import io.borderlink.gateway.receipt.ReceiptSignatures;

/**
 * A message the recipient accepted, with its answer (kept as evidence as it came) and the signed receipt
 * verified in it; {@code receipt} is null when the answer carried none and the recipient's receipts are
 * optional.
 */
public record SentMessage(
        ProtectedMessage message, int status, byte[] answer, String answerType, ReceiptSignatures.Opened receipt) {

    SentMessage(ProtectedMessage message, int status, byte[] answer, String answerType) {
        this(message, status, answer, answerType, null);
    }

    SentMessage withReceipt(ReceiptSignatures.Opened verified) {
        return new SentMessage(message, status, answer, answerType, verified);
    }
}
