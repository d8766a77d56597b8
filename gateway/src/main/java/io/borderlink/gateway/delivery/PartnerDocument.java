package io.borderlink.gateway.delivery;

/** A partner view translated into the partner's format, not yet protected. */
public record PartnerDocument(ShareDelivery share, Rendered rendered) {}
