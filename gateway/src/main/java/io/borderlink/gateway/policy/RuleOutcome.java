package io.borderlink.gateway.policy;

/** One line of a decision trace: a rule, what it concluded, and why, in words an officer can check. */
public record RuleOutcome(String rule, Verdict verdict, String detail) {

    public enum Verdict {
        PASS,
        DENY,
        HOLD,
        /** A transformation changed the partner view. */
        APPLIED,
        /** Not evaluated, because an earlier rule already denied the share or the rule does not apply. */
        SKIPPED
    }
}
