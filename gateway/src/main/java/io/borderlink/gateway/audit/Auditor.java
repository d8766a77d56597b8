package io.borderlink.gateway.audit;

/** Who verifies or exports, as the trail records them: their id and the fingerprint of their certificate. */
public record Auditor(String id, String certificate) {}
