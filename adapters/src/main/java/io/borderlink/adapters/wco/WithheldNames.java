package io.borderlink.adapters.wco;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Party;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SourceDetails;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The names an exchange holds that never go to the WCO, and their removal from the free text that
 * does go: leaving persons, declarants and parties out of the structure is no use if the narrative
 * or a detection method still names them.
 *
 * <p>Withheld are every person's surname, given names, name in original script and aliases, each
 * whole and word by word (a text may say "Altangerel" for "ALTANGEREL NARANTSETSEG"); the declarant
 * and every party name, whole only (their words, "Trade", "LLC", are ordinary words); and a human
 * source's name and handler. Matching ignores case and matches whole words, except for ideographic
 * names, which are written without spaces between words. Only names the exchange holds can be
 * found: a name that appears in free text alone goes out unless policy or an officer removes it.
 */
final class WithheldNames {

    /** What a withheld name becomes in free text. */
    static final String MARK = "[withheld]";

    private static final Pattern NAME_WORDS = Pattern.compile("[\\s,\\-‐]+");
    private static final int MIN_WORD_LENGTH = 2;

    private final Pattern names;

    private WithheldNames(Pattern names) {
        this.names = names;
    }

    static WithheldNames of(Body body) {
        Set<String> terms = new TreeSet<>();
        for (Person person : body.subjects(Person.class)) {
            Stream.concat(
                            Stream.of(person.surname(), person.givenNames(), person.nameInOriginalScript()),
                            person.aliases().stream())
                    .forEach(name -> addPersonName(terms, name));
        }
        for (Consignment consignment : body.subjects(Consignment.class)) {
            addWhole(terms, consignment.declarant());
            consignment.parties().stream().map(Party::name).forEach(name -> addWhole(terms, name));
        }
        SourceDetails source = body.sourceDetails();
        if (source != null) {
            addPersonName(terms, source.name());
            addPersonName(terms, source.handler());
        }
        if (terms.isEmpty()) {
            return new WithheldNames(null);
        }
        // Longest first, so that a full name is replaced as one and not word by word.
        String alternatives = terms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(WithheldNames::wordPattern)
                .collect(Collectors.joining("|"));
        return new WithheldNames(Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The text with every withheld name replaced by {@link #MARK}; null stays null. */
    String scrub(String text) {
        if (text == null || names == null) {
            return text;
        }
        return names.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
    }

    List<String> scrub(List<String> texts) {
        return texts.stream().map(this::scrub).toList();
    }

    private static void addPersonName(Set<String> terms, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        addWhole(terms, name);
        for (String word : NAME_WORDS.split(name.strip())) {
            if (word.codePointCount(0, word.length()) >= MIN_WORD_LENGTH) {
                terms.add(word);
            }
        }
    }

    private static void addWhole(Set<String> terms, String name) {
        if (name != null && !name.isBlank()) {
            terms.add(name.strip());
        }
    }

    private static String wordPattern(String term) {
        String before = isIdeographic(term.codePointAt(0)) ? "" : "(?<![\\p{L}\\p{N}])";
        String after = isIdeographic(term.codePointBefore(term.length())) ? "" : "(?![\\p{L}\\p{N}])";
        return before + Pattern.quote(term) + after;
    }

    private static boolean isIdeographic(int codePoint) {
        return Character.isIdeographic(codePoint)
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.KATAKANA
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
    }
}
