package io.borderlink.gateway.people;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The people configuration in force. A reload swaps the whole directory at once: each look sees one whole version
 * of the people's files, never half of one and half of the next.
 */
public final class People {

    private final AtomicReference<PeopleDirectory> current;

    public People(PeopleDirectory initial) {
        this.current = new AtomicReference<>(initial);
    }

    public PeopleDirectory current() {
        return current.get();
    }

    void replace(PeopleDirectory directory) {
        current.set(directory);
    }
}
