package io.borderlink.gateway.partner;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The partner configuration in force. A reload swaps the whole directory at once, so a decision never
 * sees half of one policy version and half of the next.
 */
public final class Partners {

    private final AtomicReference<PartnerDirectory> current;

    public Partners(PartnerDirectory initial) {
        this.current = new AtomicReference<>(initial);
    }

    public PartnerDirectory current() {
        return current.get();
    }

    public void replace(PartnerDirectory directory) {
        current.set(directory);
    }
}
