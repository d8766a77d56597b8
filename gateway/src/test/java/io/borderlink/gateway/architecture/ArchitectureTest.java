package io.borderlink.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module and package rules of docs/architecture.md, checked on the compiled production code of all modules
 * and on the test kit, which is on this module's test class path.
 */
class ArchitectureTest {

    private static final JavaClasses BORDERLINK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.borderlink");

    @Test
    void contractsDependOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("io.borderlink.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.borderlink.adapters..", "io.borderlink.routes..", "io.borderlink.gateway..")
                .check(BORDERLINK);
    }

    @Test
    void cryptoKnowsOnlyTheContracts() {
        noClasses()
                .that()
                .resideInAPackage("io.borderlink.crypto..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.borderlink.adapters..", "io.borderlink.routes..", "io.borderlink.gateway..")
                .check(BORDERLINK);
    }

    @Test
    void adaptersAndRoutesKnowOnlyTheContracts() {
        noClasses()
                .that()
                .resideInAPackage("io.borderlink.adapters..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.borderlink.routes..", "io.borderlink.gateway..")
                .check(BORDERLINK);
        noClasses()
                .that()
                .resideInAPackage("io.borderlink.routes..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.borderlink.adapters..", "io.borderlink.gateway..")
                .check(BORDERLINK);
    }

    /** Santuario and Bouncy Castle stay behind the small crypto API (docs/architecture.md). */
    @Test
    void xmlSecurityLibrariesAreUsedOnlyInsideTheCryptoPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.borderlink.crypto..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.xml.security..", "org.bouncycastle..")
                .check(BORDERLINK);
    }

    /** Beans are declared in the gateway's configuration classes, nowhere else (docs/architecture.md). */
    @Test
    void beanMethodsLiveOnlyInGatewayConfigurationClasses() {
        methods()
                .that()
                .areAnnotatedWith(Bean.class)
                .should()
                .beDeclaredInClassesThat()
                // Directly, or as a @ManagementContextConfiguration is one.
                .areMetaAnnotatedWith(Configuration.class)
                .andShould()
                .beDeclaredInClassesThat()
                .resideInAPackage("io.borderlink.gateway..")
                .check(BORDERLINK);
    }

    /** Feature packages depend one way, so each can be read and changed without the others pulling back. */
    @Test
    void gatewayFeaturePackagesHaveNoCycles() {
        slices().matching("io.borderlink.gateway.(*)..")
                .should()
                .beFreeOfCycles()
                .check(BORDERLINK);
    }

    /** One owner per format: nothing switches over the format outside the registry (FormatRules). */
    @Test
    void onlyTheFormatsDecideByFormat() {
        FormatRules.NOTHING_DECIDES_BY_A_FORMATS_ID.check(BORDERLINK);
        FormatRules.ONLY_THE_REGISTRATION_KNOWS_A_FORMATS_CLASS.check(BORDERLINK);
        FormatRules.ONLY_CONFIGURATION_LOOKS_A_FORMAT_UP_BY_NAME.check(BORDERLINK);
    }

    @Test
    void injectionIsThroughConstructorsOnly() {
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(BORDERLINK);
    }

    /** Every failure carries a stable code, so nobody throws a bare Exception or RuntimeException. */
    @Test
    void nothingThrowsGenericExceptions() {
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(BORDERLINK);
    }

    @Test
    void onlyTheCommandLineToolsWriteToStandardStreams() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.borderlink.gateway.cli..", "io.borderlink.tools..")
                .should(ACCESS_STANDARD_STREAMS)
                .check(BORDERLINK);
    }

    /** Stubs, fault injection and the development PKI stay out of the jar an operator deploys. */
    @Test
    void productionCodeKnowsNothingOfTheTestKit() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.borderlink.contracts..",
                        "io.borderlink.crypto..",
                        "io.borderlink.adapters..",
                        "io.borderlink.routes..",
                        "io.borderlink.gateway..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.borderlink.testkit..")
                .check(BORDERLINK);
    }
}
