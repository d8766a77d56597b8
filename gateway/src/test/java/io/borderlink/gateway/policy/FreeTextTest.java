package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FreeTextTest {

    /** A combining mark sends a text down the full normalisation, which removes the mark again. */
    private static final String MARK = "\u0301";

    @Test
    void asciiTextHasTheFormsTheFullNormalisationGivesIt() {
        Random random = new Random(14);
        for (int n = 0; n < 2000; n++) {
            StringBuilder ascii = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                ascii.append((char) random.nextInt(0x80));
            }
            String text = ascii.toString();

            assertThat(FreeText.plain(text)).as(text).isEqualTo(FreeText.plain(text + MARK));
            assertThat(FreeText.words(text)).as(text).isEqualTo(FreeText.words(text + MARK));
            assertThat(FreeText.compacts(text)).as(text).isEqualTo(FreeText.compacts(text + MARK));
        }
    }

    @Test
    void cyrillicAndDiacriticsStillMeetTheirLatinSpelling() {
        assertThat(FreeText.words("Дмитрий Иванов")).isEqualTo(FreeText.words("Dmitriy IVANOV"));
        assertThat(FreeText.plain("Tserendorj Ölziibat")).isEqualTo("tserendorj olziibat");
        assertThat(FreeText.compacts("А123ВС")).contains("a123bc");
    }
}
