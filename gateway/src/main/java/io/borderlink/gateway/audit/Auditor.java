package io.borderlink.gateway.audit;

import io.borderlink.gateway.security.Caller;

/** Who verifies or exports, as the trail records them: their id and the fingerprint of their certificate. */
public record Auditor(String id, String certificate) {

    public static Auditor of(Caller caller) {
        return new Auditor(caller.id(), caller.certificate());
    }
}
