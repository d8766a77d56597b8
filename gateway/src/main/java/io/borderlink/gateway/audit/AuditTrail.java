package io.borderlink.gateway.audit;

import java.util.List;

/**
 * The one way anything is written to the audit trail. Inside a transaction the events commit or roll
 * back with the state change they describe, so the trail never claims a step that did not happen.
 */
public interface AuditTrail {

    void record(AuditEvent event);

    void record(List<AuditEvent> events);
}
