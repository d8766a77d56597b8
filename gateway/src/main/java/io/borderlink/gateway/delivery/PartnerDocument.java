package io.borderlink.gateway.delivery;

import org.w3c.dom.Document;

/** A partner view translated into the partner's format, not yet protected. */
public record PartnerDocument(ShareDelivery share, Document document) {}
