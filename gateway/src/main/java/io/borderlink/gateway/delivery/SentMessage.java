package io.borderlink.gateway.delivery;

/**
 * A message the recipient accepted, with its answer: the receipt kept as evidence. Or, for a file drop, a
 * message handed over as a file in the recipient's export folder, with no answer.
 *
 * @param file the name the message was written under in the export folder; null when it was sent online
 */
public record SentMessage(ProtectedMessage message, int status, byte[] answer, String answerType, String file) {

    public SentMessage(ProtectedMessage message, int status, byte[] answer, String answerType) {
        this(message, status, answer, answerType, null);
    }

    /** Written as a file for a recipient without an online link: handed over, nothing answered. */
    public static SentMessage handedOver(ProtectedMessage message, String file) {
        return new SentMessage(message, 0, null, null, file);
    }

    public boolean handedOver() {
        return file != null;
    }
}
