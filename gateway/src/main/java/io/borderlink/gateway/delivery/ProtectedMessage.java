package io.borderlink.gateway.delivery;

/** A partner-format message signed by the gateway and encrypted to the partner, serialized and ready to send. */
public record ProtectedMessage(ShareDelivery share, byte[] bytes, String digest) {}
