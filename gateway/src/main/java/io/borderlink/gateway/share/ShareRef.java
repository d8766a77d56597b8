package io.borderlink.gateway.share;

import java.util.UUID;

/**
 * Which share a transition is for, with what its audit events are about.
 *
 * @param recipientId the partner outbound, the agency inbound
 */
public record ShareRef(UUID shareId, UUID exchangeId, String recipientId) {}
