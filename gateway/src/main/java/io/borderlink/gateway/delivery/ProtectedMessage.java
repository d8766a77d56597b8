package io.borderlink.gateway.delivery;

/**
 * A partner-format message signed by the gateway and encrypted to the partner, serialized and ready to
 * send, with the signed message as it was before encryption (kept as evidence auditors can verify).
 */
public record ProtectedMessage(ShareDelivery share, byte[] bytes, String digest, byte[] signed, String signedDigest) {}
