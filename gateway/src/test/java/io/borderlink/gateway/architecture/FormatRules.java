package io.borderlink.gateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.PartnerFormats;
import java.util.Set;
import org.springframework.context.annotation.Configuration;

/**
 * The partner formats have one owner: a {@link PartnerFormat} per format, picked by {@link PartnerFormats}
 * from the id a configuration file gives. Anything else that chose by format would be a switch over the
 * format in another guise, so these rules forbid each guise: comparing a format's id (a {@code switch}
 * on it, {@code equals}, a lookup keyed by it), testing or casting to a format's class, and asking the
 * registry for a named format outside the binding of configuration files.
 */
final class FormatRules {

    private static final String REGISTRY = "io.borderlink.adapters.format..";

    /** What a switch on a string compiles to, and the other ways of asking "is it this format?". */
    private static final Set<String> COMPARISONS = Set.of(
            "java.lang.String.equals",
            "java.lang.String.equalsIgnoreCase",
            "java.lang.String.contentEquals",
            "java.lang.String.hashCode",
            "java.util.Objects.equals",
            "java.util.Collection.contains",
            "java.util.Set.contains",
            "java.util.List.contains",
            "java.util.Map.get",
            "java.util.Map.containsKey",
            "java.util.Map.getOrDefault");

    private static final DescribedPredicate<JavaClass> A_FORMAT = assignableTo(PartnerFormat.class);
    private static final DescribedPredicate<JavaClass> GATEWAY_CONFIGURATION = DescribedPredicate.describe(
            "configuration classes of the gateway",
            c -> c.isAnnotatedWith(Configuration.class) && c.getPackageName().startsWith("io.borderlink.gateway"));

    static final ArchRule NOTHING_DECIDES_BY_A_FORMATS_ID = noCodeUnits()
            .that()
            .areDeclaredInClassesThat(not(resideInAPackage(REGISTRY)).and(not(A_FORMAT)))
            .should(compareTheIdOfAFormat())
            .because("a format decides for itself (PartnerFormat); a switch over its id is a second owner");

    static final ArchRule ONLY_THE_REGISTRATION_KNOWS_A_FORMATS_CLASS = classes()
            .that()
            .implement(PartnerFormat.class)
            .should()
            .onlyHaveDependentClassesThat(
                    resideInAPackage(REGISTRY).or(A_FORMAT).or(GATEWAY_CONFIGURATION))
            .because("an instanceof or a cast to a format's class is a switch over the format");

    static final ArchRule ONLY_CONFIGURATION_LOOKS_A_FORMAT_UP_BY_NAME = noClasses()
            .that()
            .resideOutsideOfPackages(REGISTRY, "io.borderlink.gateway.config..")
            .should()
            .callMethod(PartnerFormats.class, "get", String.class)
            .because("a recipient's format comes with it from its file, not by a name written in code");

    private FormatRules() {}

    private static ArchCondition<JavaCodeUnit> compareTheIdOfAFormat() {
        return new ArchCondition<>("read the id of a format and compare it") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean readsId = unit.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getName().equals("id")
                                && call.getTargetOwner().isAssignableTo(PartnerFormat.class));
                boolean compares = unit.getMethodCallsFromSelf().stream().anyMatch(FormatRules::isComparison);
                events.add(new SimpleConditionEvent(
                        unit,
                        readsId && compares,
                        unit.getDescription() + " reads PartnerFormat.id() and compares it in "
                                + unit.getSourceCodeLocation()));
            }
        };
    }

    private static boolean isComparison(JavaMethodCall call) {
        return COMPARISONS.contains(call.getTargetOwner().getName() + "." + call.getName());
    }
}
