package io.borderlink.gateway.web;

import java.util.Optional;

/**
 * Text people type into the API or the console (an officer's narrative or reason, an auditor's reason for a legal
 * hold): it goes into partner documents, evidence and the audit trail, so it must be text every one of them can
 * carry and a reader sees as it is. Refused: what XML 1.0 cannot hold (NUL and the other C0 controls but tab, line
 * feed and carriage return; lone surrogates; U+FFFE and U+FFFF), the C1 controls, and the bidirectional embedding,
 * override and isolate controls, which make a line display other than it reads.
 */
public final class TypedText {

    private TypedText() {}

    /** Why the text may not be taken, naming the first character at fault; empty when it may. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean surrogate = Character.isSurrogate(c);
            if (surrogate
                    && Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (surrogate || !allowed(c)) {
                return Optional.of(String.format(
                        "the text holds U+%04X at position %d, a character it may not carry", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !(c >= 0x7F && c <= 0x9F)
                && !(c >= '\u202A' && c <= '\u202E')
                && !(c >= '\u2066' && c <= '\u2069')
                && c != '\uFFFE'
                && c != '\uFFFF';
    }
}
