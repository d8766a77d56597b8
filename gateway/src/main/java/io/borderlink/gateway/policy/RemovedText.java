package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Party;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SeizedGoods;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.TravelDocument;
import io.borderlink.contracts.exchange.Vehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the leak check reads removed free-text fields and names: which words of a description are place
 * names, which runs of words are a phrase worth finding again, which words of a name identify someone.
 * Heuristics, documented in docs/tearlines.md with what they miss.
 */
final class RemovedText {

    /** Codes shorter than this (after separators are removed) are too common to be evidence of anything. */
    static final int MIN_CODE = 4;

    /** Six words in a row from a removed text are a copy, not a coincidence. */
    static final int PHRASE = 6;

    private static final int MIN_NAME_WORD = 3;
    private static final int MIN_PLACE_WORD = 4;
    private static final Pattern CAPITALISED =
            Pattern.compile("(?<![\\p{L}\\p{M}])\\p{Lu}[\\p{L}\\p{M}'’]*(?:[-‐–][\\p{L}\\p{M}'’]+)*");
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}]+(?:[-/][\\p{L}\\p{N}]+)+");
    private static final Pattern DIGIT = Pattern.compile("\\p{N}");

    /** Capitalised words that start descriptions or name kinds of place, not places. */
    private static final Set<String> NOT_PLACES = Set.copyOf(FreeText.words(
            "about above across after along around at behind below beside between beyond by close near next "
                    + "north south east west northern southern eastern western central upper lower inner outer "
                    + "open residential road street avenue highway lane bridge river lake mount mountain valley "
                    + "steppe desert forest village town city district province region republic federation "
                    + "county state oblast krai aimag soum khoroo border crossing point checkpoint post outpost "
                    + "station railway rail terminal airport port market camp area zone park parking car truck "
                    + "perimeter outbound inbound customs inspection military restricted private public main old "
                    + "new national international the this that there from into onto "
                    // The view carries country codes: a country's name says nothing the partner lacks.
                    + "mongolia mongolian russia russian china chinese kazakhstan"));

    /** Ranks and titles before a handler's name. */
    private static final Set<String> TITLES = Set.copyOf(FreeText.words(
            "captain lieutenant senior junior major colonel general sergeant corporal private officer inspector "
                    + "chief deputy commander warrant first second mr mrs ms miss dr"));

    /** Legal forms and trade words of company names, which identify nobody. */
    private static final Set<String> LEGAL_FORMS = Set.copyOf(FreeText.words(
            "llc ltd co jsc inc plc gmbh ag sa company corporation corp limited and of the group holding holdings "
                    + "trade trading import export international"));

    private RemovedText() {}

    /** Capitalised words of a description or place of birth that name a place, each as its words. */
    static List<List<String>> placeNames(String text) {
        List<List<String>> places = new ArrayList<>();
        Matcher word = CAPITALISED.matcher(text);
        while (word.find()) {
            List<String> words = FreeText.words(word.group());
            if (words.size() == 1 && (words.get(0).length() < MIN_PLACE_WORD || NOT_PLACES.contains(words.get(0)))) {
                continue;
            }
            if (!words.isEmpty() && !places.contains(words)) {
                places.add(words);
            }
        }
        return places;
    }

    /** Every run of {@value #PHRASE} words; a shorter text of three words or more is one phrase. */
    static List<List<String>> phrases(String text) {
        List<String> words = FreeText.words(text);
        if (words.size() < PHRASE) {
            return words.size() >= 3 ? List.of(words) : List.of();
        }
        List<List<String>> phrases = new ArrayList<>();
        for (int i = 0; i + PHRASE <= words.size(); i++) {
            phrases.add(List.copyOf(words.subList(i, i + PHRASE)));
        }
        return phrases;
    }

    /** The words of a person's name that identify: initials and two-letter particles aside. */
    static List<String> nameWords(String name) {
        return FreeText.words(name).stream()
                .filter(w -> w.length() >= MIN_NAME_WORD)
                .distinct()
                .toList();
    }

    /** The first two words of a company name that are not legal forms or trade words. */
    static List<String> partyWords(String name) {
        return FreeText.words(name).stream()
                .filter(w -> !LEGAL_FORMS.contains(w))
                .limit(2)
                .toList();
    }

    /** The name in a handler such as "Captain O. Tsogtbaatar, Altanbulag border outpost": before the comma. */
    static List<String> handlerName(String handler) {
        String person = handler.split(",", 2)[0];
        return FreeText.words(person).stream()
                .filter(w -> w.length() >= MIN_NAME_WORD && !TITLES.contains(w))
                .toList();
    }

    /** A source code whole, and each of its parts that holds a digit ("HS-0211" of "MN-BORDER/SEL/HS-0211"). */
    static List<String> codeParts(String code) {
        return Stream.concat(Stream.of(code), Stream.of(code.split("/")).filter(part -> DIGIT.matcher(part)
                        .find()))
                .distinct()
                .toList();
    }

    /** Reference-like tokens of a free text ("ALT-2025-0917"): letters and digits joined by - or /, with a digit. */
    static List<String> references(String text) {
        List<String> references = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            if (DIGIT.matcher(reference.group()).find()) {
                references.add(reference.group());
            }
        }
        return references;
    }

    static boolean isIdeographic(String name) {
        return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * Everything the partner view says outside its narrative: a value it carries anyway (a crossing point
     * kept in its field, a masked number's last digits) is no leak when a text repeats it.
     */
    static String keptIn(Exchange view) {
        List<String> values = new ArrayList<>();
        values.add(view.header().purpose().text());
        view.header().sourceRefs().stream().map(SourceRef::id).forEach(values::add);
        Markings markings = view.markings();
        values.add(markings.handlingConditions());
        values.add(markings.foreignMarking());
        for (Subject subject : view.body().subjects()) {
            values.addAll(subjectText(subject));
        }
        return String.join("\n", values.stream().filter(Objects::nonNull).toList());
    }

    private static List<String> subjectText(Subject subject) {
        List<String> values = new ArrayList<>();
        if (subject instanceof Person p) {
            values.add(p.surname());
            values.add(p.givenNames());
            values.add(p.nameInOriginalScript());
            values.addAll(p.aliases());
            values.add(p.placeOfBirth());
            p.documents().stream().map(TravelDocument::number).forEach(values::add);
        } else if (subject instanceof Vehicle v) {
            values.add(v.plate());
            values.add(v.vin());
            values.add(v.make());
            values.add(v.model());
            values.add(v.colour());
        } else if (subject instanceof Location l) {
            values.add(l.borderCrossingPoint());
            values.add(l.description());
        } else if (subject instanceof Consignment c) {
            values.addAll(c.containerNumbers());
            values.add(c.conveyanceId());
            values.add(c.declarant());
            c.parties().stream().map(Party::name).forEach(values::add);
            values.addAll(c.route());
            c.seizedGoods().stream().map(SeizedGoods::description).forEach(values::add);
            values.add(c.detectionMethod());
            values.add(c.concealmentMethod());
        }
        return values;
    }
}
