package io.borderlink.gateway.delivery;

import io.borderlink.gateway.receipt.ReceiptSignatures;

/**
 * A message the recipient accepted, with its answer (kept as evidence as it came) and the signed receipt
 * verified in it; {@code receipt} is null when the answer carried none and the recipient's receipts are
 * optional. Or, for a file drop, a message handed over as a file in the recipient's export folder, with no
 * answer: its receipt comes back later as a file of its own.
 *
 * @param file the name the message was written under in the export folder; null when it was sent online
 */
public record SentMessage(
        ProtectedMessage message,
        int status,
        byte[] answer,
        String answerType,
        ReceiptSignatures.Opened receipt,
        String file) {

    public SentMessage(ProtectedMessage message, int status, byte[] answer, String answerType) {
        this(message, status, answer, answerType, null, null);
    }

    /** Written as a file for a recipient without an online link: handed over, nothing answered. */
    public static SentMessage handedOver(ProtectedMessage message, String file) {
        return new SentMessage(message, 0, null, null, null, file);
    }

    SentMessage withReceipt(ReceiptSignatures.Opened verified) {
        return new SentMessage(message, status, answer, answerType, verified, file);
    }

    public boolean handedOver() {
        return file != null;
    }
}
