package io.borderlink.gateway.audit;

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
        int at = firstFault(text, 0);
        return at < 0
                ? Optional.empty()
                : Optional.of(String.format(
                        "the text holds U+%04X at position %d, a character it may not carry",
                        (int) text.charAt(at), at + 1));
    }

    /**
     * The text with each character it may not carry written as a backslash, u and four hex digits, and cut to at
     * most {@code max} characters (never between the halves of a pair): for what the gateway records of what others
     * sent (a certificate's subject, a path, a user name), which must reach the trail whatever it holds.
     */
    public static String escaped(String text, int max) {
        if (text == null) {
            return null;
        }
        int at = firstFault(text, 0);
        String clean = text;
        if (at >= 0) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            int from = 0;
            for (; at >= 0; at = firstFault(text, from)) {
                out.append(text, from, at).append(String.format("\\u%04x", (int) text.charAt(at)));
                from = at + 1;
            }
            clean = out.append(text, from, text.length()).toString();
        }
        if (clean.length() <= max) {
            return clean;
        }
        return clean.substring(0, Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max);
    }

    /** The index of the first character at or after {@code from} the text may not carry; -1 if none. */
    private static int firstFault(String text, int from) {
        for (int i = from; i < text.length(); i++) {
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
                return i;
            }
        }
        return -1;
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
