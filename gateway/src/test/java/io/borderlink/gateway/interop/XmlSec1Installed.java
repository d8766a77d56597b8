package io.borderlink.gateway.interop;

import static org.assertj.core.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where the {@code xmlsec1} command can be run. Elsewhere its tests are skipped
 * with a hint on how to install it, or, when {@code -Dborderlink.interop.required=true} (as {@code .ci/run}
 * sets), they fail. Decided before the class starts, so a skipped class never starts a gateway.
 */
final class XmlSec1Installed implements ExecutionCondition {

    private static final String REQUIRED = "borderlink.interop.required";

    /** Asked once per JVM: JUnit evaluates the condition for the class and again for each test. */
    private static final Optional<String> VERSION = XmlSec1.version();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return VERSION.map(ConditionEvaluationResult::enabled).orElseGet(XmlSec1Installed::missing);
    }

    private static ConditionEvaluationResult missing() {
        String missing = "the xmlsec1 command (" + XmlSec1.COMMAND + ") cannot be run;"
                + " install it with `apt-get install xmlsec1` (Debian/Ubuntu)";
        if (Boolean.getBoolean(REQUIRED)) {
            fail(missing + ". " + REQUIRED + "=true: the interop tests must run");
        }
        return ConditionEvaluationResult.disabled(missing + "; interop tests skipped");
    }
}
