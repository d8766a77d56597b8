package io.borderlink.gateway.policy;

import io.borderlink.gateway.policy.RuleOutcome.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The trace of one decision as it is built: every rule's outcome, and the first denial and hold. */
final class Evaluation {

    private final List<RuleOutcome> trace = new ArrayList<>();
    private RuleOutcome firstDenial;
    private RuleOutcome firstHold;

    void record(String rule, Verdict verdict, String detail) {
        RuleOutcome outcome = new RuleOutcome(rule, verdict, detail);
        trace.add(outcome);
        if (verdict == Verdict.DENY && firstDenial == null) {
            firstDenial = outcome;
        }
        if (verdict == Verdict.HOLD && firstHold == null) {
            firstHold = outcome;
        }
    }

    void add(RuleOutcome outcome) {
        record(outcome.rule(), outcome.verdict(), outcome.detail());
    }

    /** PASS when the condition holds, otherwise the given verdict (DENY or HOLD). */
    void check(String rule, boolean holds, Verdict otherwise, String detail) {
        record(rule, holds ? Verdict.PASS : otherwise, detail);
    }

    boolean denied() {
        return firstDenial != null;
    }

    RuleOutcome firstDenial() {
        return firstDenial;
    }

    RuleOutcome firstHold() {
        return firstHold;
    }

    List<RuleOutcome> trace() {
        return trace;
    }
}
