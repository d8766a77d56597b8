package io.borderlink.gateway.people;

/**
 * What a person may do. Each person has exactly one role, so that the separations of docs/architecture.md hold
 * by construction: an administrator cannot approve, an auditor changes nothing, an officer cannot
 * touch configuration or the audit trail.
 */
public enum Role {
    /** Liaison officer: reviews held shares, approves or rejects them. */
    OFFICER,
    /** Read-only: trails, timelines, chain verification, evidence export. */
    AUDITOR,
    /** Partners, policies, certificates, delivery health, dead letters; never approvals. */
    ADMIN,
    /**
     * A monitoring system rather than a person (Prometheus, say): health details and metrics under the prod
     * profile, and nothing else; no console, no API.
     */
    MONITOR
}
