package io.borderlink.gateway.operations;

import org.springframework.boot.actuate.health.Status;

/**
 * The health status between UP and DOWN: the node works and keeps serving (HTTP 200, ready), but something
 * needs an operator: a partner's circuit is open, the outbox backs up, the audit chain stalls. It ranks
 * below DOWN and above UP ({@code management.endpoint.health.status.order}).
 */
final class Degraded {

    static final Status STATUS = new Status("DEGRADED");

    private Degraded() {}
}
