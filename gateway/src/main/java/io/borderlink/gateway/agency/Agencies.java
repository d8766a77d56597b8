package io.borderlink.gateway.agency;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The agency configuration in force. A reload swaps the whole directory at once: each look sees one whole version
 * of the agency files, never half of one and half of the next.
 */
public final class Agencies {

    private final AtomicReference<AgencyDirectory> current;

    public Agencies(AgencyDirectory initial) {
        this.current = new AtomicReference<>(initial);
    }

    public AgencyDirectory current() {
        return current.get();
    }

    void replace(AgencyDirectory directory) {
        current.set(directory);
    }
}
