package io.borderlink.gateway.delivery;

import io.borderlink.adapters.format.Rendered;

/** A partner view translated into the partner's format, not yet protected. */
public record PartnerDocument(ShareDelivery share, Rendered rendered) {}
