package io.borderlink.adapters.interpol;

import static io.borderlink.adapters.interpol.NoticeJson.lines;
import static io.borderlink.adapters.interpol.NoticeJson.text;
import static io.borderlink.adapters.interpol.NoticeJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderlink.adapters.format.Countries;
import io.borderlink.contracts.exchange.PartialDate;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Sex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The English narrative of an inbound notice: what it is, who, and everything the canonical person
 * cannot hold. One sentence group per line, always in the same order; within a line, values in the
 * order the notice lists them. Absent values are left out, never written as "unknown".
 */
final class NoticeNarrative {

    /**
     * Only the codes whose meaning is plain; any other INTERPOL code (BROH, OTHD, ...) is written as
     * it stands rather than guessed.
     */
    private static final Map<String, String> COLOURS =
            Map.of("BLA", "black", "BLU", "blue", "BRO", "brown", "GRY", "grey");

    private final List<String> lines = new ArrayList<>();

    private NoticeNarrative() {}

    static String of(NoticeType type, String entityId, JsonNode notice, Person person) {
        NoticeNarrative narrative = new NoticeNarrative();
        String who = person.givenNames() == null ? person.surname() : person.surname() + " " + person.givenNames();
        narrative.line(type.title() + " " + entityId + " (public extract): " + who + " " + headline(type) + ".");
        narrative.identity(notice, person);
        switch (type) {
            case RED -> narrative.warrants(notice);
            case YELLOW -> narrative.disappearance(notice);
            case UN -> narrative.sanctions(notice);
        }
        narrative.family(notice);
        narrative.description(notice);
        return String.join("\n", narrative.lines);
    }

    private static String headline(NoticeType type) {
        return switch (type) {
            case RED -> "is wanted for prosecution or to serve a sentence";
            case YELLOW -> "is missing";
            case UN -> "is subject to sanctions of the United Nations Security Council";
        };
    }

    private void identity(JsonNode notice, Person person) {
        Sentences s = new Sentences();
        if (person.sex() != Sex.U) {
            s.add("Sex", person.sex() == Sex.M ? "male" : "female");
        }
        s.add(date(notice, "date_of_birth", "Date of birth"));
        s.add("Place of birth", person.placeOfBirth());
        s.add(
                "Nationality",
                join(texts(notice, "nationalities").stream()
                        .map(Countries::englishName)
                        .distinct()
                        .toList()));
        line(s.toString());
    }

    private void warrants(JsonNode notice) {
        JsonNode warrants = notice.get("arrest_warrants");
        if (warrants == null || !warrants.isArray()) {
            return;
        }
        for (JsonNode warrant : warrants) {
            String country = text(warrant, "issuing_country_id");
            String charge = charge(lines(warrant, "charge"));
            String translation = text(warrant, "charge_translation");
            if (charge == null && translation == null) {
                continue;
            }
            StringBuilder line = new StringBuilder("Arrest warrant");
            if (country != null) {
                line.append(" issued by ").append(Countries.englishName(country));
            }
            line.append(": ").append(charge == null ? translation : charge);
            if (charge != null && translation != null) {
                line.append(" (English translation: ")
                        .append(withoutFullStop(translation))
                        .append(')');
            }
            line(fullStop(line.toString()));
        }
    }

    /**
     * A charge spread over several lines reads as one: after a colon or a full stop the text runs on,
     * otherwise the lines are listed with semicolons.
     */
    private static String charge(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        StringBuilder charge = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            char last = charge.charAt(charge.length() - 1);
            charge.append(last == ':' || last == '.' ? " " : "; ").append(line);
        }
        return charge.toString();
    }

    private void disappearance(JsonNode notice) {
        Sentences s = new Sentences();
        s.add(date(notice, "date_of_event", "Date of disappearance"));
        s.add("Place of disappearance", NoticeMapper.placeWithCountry(text(notice, "place"), text(notice, "country")));
        line(s.toString());
    }

    private void sanctions(JsonNode notice) {
        Sentences reference = new Sentences();
        reference.add("UN reference", text(notice, "un_reference"));
        reference.add("UN Security Council resolution", text(notice, "un_resolution"));
        reference.add(date(notice, "un_reference_date", "Listed on"));
        line(reference.toString());
        line(new Sentences().add("Summary", text(notice, "summary")).toString());
        line(new Sentences()
                .add("Main activity", text(notice, "main_activity"))
                .add("Profession", text(notice, "profession"))
                .toString());
        line(new Sentences().add("Sanctions", list(texts(notice, "purposes"))).toString());
        line(new Sentences()
                .add("Identity documents", list(texts(notice, "identity_documents")))
                .toString());
        line(new Sentences().add("Addresses", list(texts(notice, "adresses"))).toString());
        line(new Sentences()
                .add("Associates", list(texts(notice, "associates")))
                .toString());
        line(new Sentences()
                .add("Additional information", text(notice, "additional_information"))
                .toString());
    }

    private void family(JsonNode notice) {
        line(new Sentences()
                .add("Name at birth", text(notice, "birth_name"))
                .add("Name at birth", text(notice, "name_at_birth"))
                .add("Father's name", text(notice, "father_name"))
                .add("Father's forename", text(notice, "father_forename"))
                .add("Mother's name", text(notice, "mother_name"))
                .add("Mother's forename", text(notice, "mother_forename"))
                .toString());
    }

    private void description(JsonNode notice) {
        Sentences looks = new Sentences();
        looks.add("Height", measure(NoticeJson.positive(notice, "height"), "m"));
        looks.add("Weight", measure(NoticeJson.positive(notice, "weight"), "kg"));
        looks.add("Eye colour", colours(texts(notice, "eyes_colors_id")));
        looks.add("Hair colour", colours(texts(notice, "hairs_id")));
        line(looks.toString());
        line(new Sentences()
                .add("Distinguishing marks", text(notice, "distinguishing_marks"))
                .toString());
        line(new Sentences()
                .add("Languages spoken", languages(texts(notice, "languages_spoken_ids")))
                .toString());
    }

    /** A date as ISO (partial) date, or as published with a remark when it is not a possible date. */
    private static String date(JsonNode notice, String field, String label) {
        String raw = text(notice, field);
        if (raw == null) {
            return null;
        }
        PartialDate date = NoticeMapper.partialDate(raw);
        return date != null ? label + ": " + date : label + " as published: " + raw;
    }

    private static String measure(BigDecimal value, String unit) {
        return value == null ? null : value.toPlainString() + " " + unit;
    }

    private static String colours(List<String> codes) {
        return join(codes.stream()
                .map(code -> COLOURS.getOrDefault(code.toUpperCase(Locale.ROOT), code))
                .toList());
    }

    /** ISO 639-2/B codes (GER, CHI, MON) as the JDK names them in English; a code it cannot name stays as it is. */
    private static String languages(List<String> codes) {
        return join(codes.stream()
                .map(code -> {
                    String name =
                            Locale.forLanguageTag(code.toLowerCase(Locale.ROOT)).getDisplayLanguage(Locale.ENGLISH);
                    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
                })
                .toList());
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? null : String.join("; ", values);
    }

    private void line(String line) {
        if (line != null && !line.isEmpty()) {
            lines.add(line);
        }
    }

    private static String fullStop(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? text : text + ".";
    }

    private static String withoutFullStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** "Label: value." sentences on one line. */
    private static final class Sentences {

        private final List<String> sentences = new ArrayList<>();

        Sentences add(String label, String value) {
            return value == null ? this : add(label + ": " + value);
        }

        Sentences add(String sentence) {
            if (sentence != null) {
                sentences.add(fullStop(sentence));
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(" ", sentences);
        }
    }
}
