package io.borderlink.gateway.delivery;

/**
 * A partner-format message signed by the gateway and encrypted to the partner, serialized and ready to
 * send, with the signed message as it was before encryption (kept as evidence auditors can verify).
 *
 * @param receiptDigest what the recipient's signed receipt must name as received ({@code Digests.ofMessage}
 *     of {@code bytes}), taken from the document in memory rather than by parsing the bytes back
 */
public record ProtectedMessage(
        ShareDelivery share, byte[] bytes, String digest, byte[] signed, String signedDigest, String receiptDigest) {}
