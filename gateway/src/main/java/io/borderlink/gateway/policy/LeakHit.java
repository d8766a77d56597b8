package io.borderlink.gateway.policy;

/** A leak-check hit: the kind of value found, and the rule of the trace that removed it. */
public record LeakHit(LeakKind kind, String rule) {

    @Override
    public String toString() {
        return kind + " (" + rule + ")";
    }
}
