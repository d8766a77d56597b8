package io.borderlink.gateway.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A text in the forms the leak check compares: {@link #plain} (lower case, without diacritics, Cyrillic
 * transliterated as in ICAO Doc 9303), its {@link #words} as spelling skeletons (so that "Dmitriy",
 * "Dmitrii" and "Дмитрий" are one word, as are "Tserendorj" and "Tserendorzh"), and its letters and digits
 * run together (so that "761 538 204" and "761-538-204" are one number). Both sides of every comparison
 * go through the same forms.
 */
final class FreeText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Map<Character, String> CYRILLIC = cyrillic();
    /** Cyrillic letters that look like Latin ones, as plates are written in both scripts. */
    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('в', 'b'),
            Map.entry('е', 'e'),
            Map.entry('к', 'k'),
            Map.entry('м', 'm'),
            Map.entry('н', 'h'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('с', 'c'),
            Map.entry('т', 't'),
            Map.entry('у', 'y'),
            Map.entry('х', 'x'));

    private final String plain;
    private final List<String> words;
    private final Map<String, List<Integer>> positions = new HashMap<>();
    private final List<String> compacts;

    private FreeText(String raw) {
        // One normalisation of the text for all three forms: it ran four times per text, for every narrative
        // and every removed field of every share the policy checks.
        this.plain = plain(raw);
        this.words = wordsOfPlain(plain);
        for (int i = 0; i < words.size(); i++) {
            positions.computeIfAbsent(words.get(i), w -> new ArrayList<>()).add(i);
        }
        this.compacts = compacts(raw, plain);
    }

    static FreeText of(String raw) {
        return new FreeText(raw == null ? "" : raw);
    }

    String plain() {
        return plain;
    }

    List<String> words() {
        return words;
    }

    /** Whether these word skeletons occur here one after the other. */
    boolean containsSequence(List<String> sequence) {
        if (sequence.isEmpty()) {
            return false;
        }
        for (int start : positions.getOrDefault(sequence.get(0), List.of())) {
            if (start + sequence.size() <= words.size()
                    && words.subList(start, start + sequence.size()).equals(sequence)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a code (a number, a plate), in any of its compact forms, occurs here in any of ours. */
    boolean containsCode(List<String> codeForms) {
        for (String text : compacts) {
            for (String code : codeForms) {
                if (!code.isEmpty() && text.contains(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower case, decomposed and without diacritics, Cyrillic transliterated. */
    static String plain(String raw) {
        if (isAscii(raw)) {
            // Most text: decomposition, marks and transliteration leave ASCII as it is.
            return raw.toLowerCase(Locale.ROOT);
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            String latin = CYRILLIC.get(c);
            if (latin != null) {
                out.append(latin);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The words of a text as spelling skeletons. */
    static List<String> words(String raw) {
        return wordsOfPlain(plain(raw));
    }

    private static List<String> wordsOfPlain(String plain) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(plain)) {
            if (!word.isEmpty()) {
                words.add(skeleton(word));
            }
        }
        return words;
    }

    /** The compact forms of a value: transliterated, and with Cyrillic look-alikes read as Latin letters. */
    static List<String> compacts(String raw) {
        return compacts(raw, plain(raw));
    }

    private static List<String> compacts(String raw, String plain) {
        String transliterated = NOT_ALNUM.matcher(plain).replaceAll("");
        if (isAscii(raw)) {
            // No look-alikes to read as Latin: the one form.
            return List.of(transliterated);
        }
        String lookalikes = Normalizer.normalize(raw, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder read = new StringBuilder(lookalikes.length());
        for (int i = 0; i < lookalikes.length(); i++) {
            char c = lookalikes.charAt(i);
            read.append(LOOKALIKES.getOrDefault(c, c));
        }
        String asLatin = NOT_ALNUM.matcher(plain(read.toString())).replaceAll("");
        return transliterated.equals(asLatin) ? List.of(transliterated) : List.of(transliterated, asLatin);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Spellings that transliterations disagree on are made one: zh and j, kh and h, y and i, and doubled
     * letters (digits stay as they are).
     */
    static String skeleton(String word) {
        String folded = word.replace("zh", "j").replace("kh", "h").replace('y', 'i');
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (i == 0 || c != folded.charAt(i - 1) || Character.isDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** ICAO Doc 9303 transliteration of Russian, Mongolian and Ukrainian Cyrillic, in lower case. */
    private static Map<Character, String> cyrillic() {
        String[][] pairs = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
            {"з", "z"}, {"и", "i"}, {"й", "i"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
            {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
            {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", "ie"}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "iu"},
            {"я", "ia"}, {"ө", "o"}, {"ү", "u"}, {"і", "i"}, {"ї", "i"}, {"є", "ie"}, {"ґ", "g"}
        };
        Map<Character, String> map = new HashMap<>();
        for (String[] pair : pairs) {
            map.put(pair[0].charAt(0), pair[1]);
        }
        return Map.copyOf(map);
    }
}
