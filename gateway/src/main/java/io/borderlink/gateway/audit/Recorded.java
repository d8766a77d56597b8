package io.borderlink.gateway.audit;

import java.util.List;

/**
 * Events written to the trail in one call, published inside the writing transaction: a listener for after
 * the commit sees only what was really recorded.
 */
public record Recorded(List<AuditEvent> events) {}
