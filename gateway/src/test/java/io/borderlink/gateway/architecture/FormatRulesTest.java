package io.borderlink.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.gateway.architecture.fixtures.ChecksTheFormatClass;
import io.borderlink.gateway.architecture.fixtures.ComparesTheFormatId;
import io.borderlink.gateway.architecture.fixtures.LooksUpAFormatByName;
import io.borderlink.gateway.architecture.fixtures.NamesTheFormat;
import io.borderlink.gateway.architecture.fixtures.SwitchesOverTheFormatId;
import org.junit.jupiter.api.Test;

/** The format rules of ArchitectureTest catch each way of switching over the format, on classes written to. */
class FormatRulesTest {

    @Test
    void catchesASwitchOverAFormatsId() {
        assertThatThrownBy(
                        () -> FormatRules.NOTHING_DECIDES_BY_A_FORMATS_ID.check(classes(SwitchesOverTheFormatId.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SwitchesOverTheFormatId.contentType");
    }

    @Test
    void catchesAnEqualsOrASetOfFormatIds() {
        assertThatThrownBy(() -> FormatRules.NOTHING_DECIDES_BY_A_FORMATS_ID.check(classes(ComparesTheFormatId.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ComparesTheFormatId.isJson")
                .hasMessageContaining("ComparesTheFormatId.isForAgencies");
    }

    @Test
    void catchesAnInstanceofOnAFormatsClass() {
        assertThatThrownBy(() -> FormatRules.ONLY_THE_REGISTRATION_KNOWS_A_FORMATS_CLASS.check(
                        classes(ChecksTheFormatClass.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ChecksTheFormatClass");
    }

    @Test
    void catchesAFormatLookedUpByANameInCode() {
        assertThatThrownBy(() -> FormatRules.ONLY_CONFIGURATION_LOOKS_A_FORMAT_UP_BY_NAME.check(
                        classes(LooksUpAFormatByName.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LooksUpAFormatByName.isJson");
    }

    @Test
    void letsAClassShowAFormatsId() {
        JavaClasses naming = classes(NamesTheFormat.class);
        assertThatCode(() -> {
                    FormatRules.NOTHING_DECIDES_BY_A_FORMATS_ID.check(naming);
                    FormatRules.ONLY_THE_REGISTRATION_KNOWS_A_FORMATS_CLASS.check(naming);
                    FormatRules.ONLY_CONFIGURATION_LOOKS_A_FORMAT_UP_BY_NAME.check(naming);
                })
                .doesNotThrowAnyException();
    }

    /** The fixture with a format it could reach for, as in the product. */
    private static JavaClasses classes(Class<?> fixture) {
        return new ClassFileImporter().importClasses(fixture, NoticeFormat.class);
    }
}
