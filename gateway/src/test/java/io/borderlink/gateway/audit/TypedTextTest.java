package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void refusesTextWithACharacterItMayNotCarryNamingIt() {
        assertThat(TypedText.problem("seen at the \u0000 post"))
                .hasValue("the text holds U+0000 at position 13, a character it may not carry");
        assertThat(TypedText.problem("\u202Eevil")).isPresent();
        assertThat(TypedText.problem("a lone \uD800 surrogate")).isPresent();
        assertThat(TypedText.problem("Улаанбаатар, tab\tand \uD83D\uDE00")).isEmpty();
    }

    @Test
    void escapesWhatTheTrailCannotHoldAndKeepsTheRest() {
        assertThat(TypedText.escaped("user\u0000name\u202E\uFFFF", 100)).isEqualTo("user\\u0000name\\u202e\\uffff");
        assertThat(TypedText.escaped("Улаанбаатар\n\uD83D\uDE00", 100)).isEqualTo("Улаанбаатар\n\uD83D\uDE00");
        assertThat(TypedText.escaped("lone \uDC00", 100)).isEqualTo("lone \\udc00");
        assertThat(TypedText.escaped(null, 100)).isNull();
    }

    @Test
    void cutsToTheColumnWidthNeverBetweenTheHalvesOfAPair() {
        assertThat(TypedText.escaped("x".repeat(300), 128)).hasSize(128);
        assertThat(TypedText.escaped("abc\uD83D\uDE00", 4)).isEqualTo("abc");
        assertThat(TypedText.escaped("\u0000\u0000", 8)).isEqualTo("\\u0000\\u");
    }
}
