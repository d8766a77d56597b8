package io.borderlink.gateway.delivery;

import org.w3c.dom.Document;

/** A partner-format message signed by the gateway and encrypted to the partner, ready to send. */
public record ProtectedMessage(ShareDelivery share, Document document, byte[] bytes, String digest) {}
