package io.borderlink.gateway.labels;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The label policies in force. A reload swaps them all at once, together with the partner files that name
 * them (PartnerReloads).
 */
public final class LabelPolicies {

    private final AtomicReference<LabelPolicyDirectory> current;

    public LabelPolicies(LabelPolicyDirectory initial) {
        this.current = new AtomicReference<>(initial);
    }

    public LabelPolicyDirectory current() {
        return current.get();
    }

    public void replace(LabelPolicyDirectory directory) {
        current.set(directory);
    }
}
