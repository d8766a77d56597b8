package io.borderlink.adapters.interpol;

import static io.borderlink.adapters.interpol.NoticeJson.text;
import static io.borderlink.adapters.interpol.NoticeJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderlink.adapters.format.Countries;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.PartialDate;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Purpose;
import io.borderlink.contracts.exchange.Sex;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.Tlp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the JSON of one notice detail ({@code red/{id}}, {@code yellow/{id}}, {@code un/persons/{id}})
 * to a canonical exchange. Pure: no HTTP, no clock; the same bytes and creation time always give the
 * same exchange.
 *
 * <p>The API's data is irregular (docs/partner-formats.md, INTERPOL) and the mapper takes it as it comes: every field may
 * be missing or null; {@code "-"} and blanks count as missing; dates may be {@code YYYY/MM/DD},
 * {@code YYYY/MM} or {@code YYYY} ({@code 00} parts count as unknown, an impossible date is kept
 * only in the narrative); height and weight {@code 0} are unknown; nationalities are converted from
 * alpha-2 to alpha-3 and a code no table knows is kept only in the narrative; fields it does not know
 * are ignored. Languages, eye and hair colours, marks, charges and the circumstances of a
 * disappearance have no canonical field and go into the English narrative. A notice without any
 * name, or without a well-formed {@code entity_id}, is refused with {@code SCHEMA_INVALID}.
 *
 * <p>Defaults for what the API does not say (project choices): originator {@value #ORIGINATOR},
 * no addressees (inbound policy routes), purpose {@value #PURPOSE}, UNCLASSIFIED and TLP:GREEN (the
 * extracts are public, but what Borderlink does with them stays in the community), not releasable
 * abroad, handling H0, source reliability B and information accuracy 2 ({@link #MARKINGS}).
 */
public final class NoticeMapper {

    public static final String ORIGINATOR = "INTERPOL-NCB";
    /** The system of the {@link SourceRef} that carries the {@code entity_id}. */
    public static final String SOURCE_SYSTEM = "INTERPOL";

    public static final String PURPOSE = "INTERPOL_NOTICE";
    /** The purpose of an exchange saying that a notice is no longer on the public list. */
    public static final String PURPOSE_WITHDRAWN = "INTERPOL_NOTICE_WITHDRAWN";
    /** Links the missing person to the place of disappearance, as agencies' missing-person exchanges do. */
    public static final String LAST_SEEN_AT = "LAST_SEEN_AT";

    public static final Markings MARKINGS = new Markings(
            Classification.UNCLASSIFIED, Tlp.GREEN, List.of(), HandlingCode.H0, null, SourceReliability.B, 2, null);

    static final String PERSON_ID = "P1";
    static final String PLACE_ID = "L1";

    private static final Pattern ENTITY_ID = Pattern.compile("[0-9]{4}/[0-9]{1,12}");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})(?:[/-]([0-9]{1,2})(?:[/-]([0-9]{1,2}))?)?");

    /** Which version of which notice the detail is, without mapping it. */
    public NoticeVersion version(NoticeType type, byte[] detailJson) {
        return version(type, NoticeJson.read(detailJson, type.title() + " detail"));
    }

    /**
     * The canonical exchange for one notice detail.
     *
     * @param createdAt when Borderlink received the notice; the caller's clock, not the API's
     */
    public Exchange toExchange(NoticeType type, byte[] detailJson, Instant createdAt) {
        JsonNode notice = NoticeJson.read(detailJson, type.title() + " detail");
        NoticeVersion version = version(type, notice);
        String entityId = version.entityId();
        Person person = person(notice, type, entityId);

        List<Subject> subjects = new ArrayList<>(List.of(person));
        List<Association> associations = new ArrayList<>();
        Location place = type == NoticeType.YELLOW ? placeOfDisappearance(notice) : null;
        if (place != null) {
            subjects.add(place);
            associations.add(new Association(PERSON_ID, PLACE_ID, LAST_SEEN_AT));
        }
        Header header = new Header(
                version.exchangeId(),
                version.correlationId(),
                createdAt,
                ORIGINATOR,
                List.of(),
                type.category(),
                new Purpose(PURPOSE, type.title() + " " + entityId),
                List.of(new SourceRef(SOURCE_SYSTEM, entityId)));
        Narrative narrative = new Narrative(NoticeNarrative.of(type, entityId, notice, person), "en");
        return new Exchange(header, MARKINGS, new Body(subjects, associations, narrative, null, null));
    }

    /**
     * The exchange saying that a notice is no longer on the public list: the last version the agencies
     * got, under {@value #PURPOSE_WITHDRAWN} and a first narrative line that says so, linked to that
     * version by the notice's correlation id. The list does not say why a notice left it (cancelled, the
     * person found, or only no longer public), so neither does the exchange.
     *
     * @param lastDetailJson the detail of the version last delivered
     * @param withdrawnAt when Borderlink found the notice gone
     */
    public Exchange toWithdrawal(NoticeType type, byte[] lastDetailJson, Instant withdrawnAt) {
        Exchange last = toExchange(type, lastDetailJson, withdrawnAt);
        String notice = type.title() + " " + last.header().sourceRefs().get(0).id();
        return relabelled(
                last,
                version(type, lastDetailJson).withdrawalId(),
                new Purpose(PURPOSE_WITHDRAWN, notice + " withdrawn"),
                "No longer published: " + notice
                        + " is not on INTERPOL's public list any more; what follows is the last version published.");
    }

    /**
     * A notice back on the list, unchanged, after the agencies were told it was withdrawn: the exchange of
     * its first delivery under an id of its own, derived from the withdrawal's so that each return is
     * delivered once, and a first narrative line that says so.
     */
    public Exchange toRepublication(NoticeType type, byte[] detailJson, Instant createdAt, UUID withdrawalId) {
        Exchange same = toExchange(type, detailJson, createdAt);
        return relabelled(
                same,
                version(type, detailJson).republicationId(withdrawalId),
                same.header().purpose(),
                "Published again: " + type.title() + " "
                        + same.header().sourceRefs().get(0).id()
                        + " is back on INTERPOL's public list, unchanged since it was withdrawn.");
    }

    /** The exchange under another id and purpose, with a first narrative line saying why. */
    private static Exchange relabelled(Exchange exchange, UUID exchangeId, Purpose purpose, String firstLine) {
        Header was = exchange.header();
        Header header = new Header(
                exchangeId,
                was.correlationId(),
                was.createdAt(),
                was.originator(),
                was.addressees(),
                was.category(),
                purpose,
                was.sourceRefs());
        Body body = exchange.body();
        return new Exchange(
                header,
                exchange.markings(),
                new Body(
                        body.subjects(),
                        body.associations(),
                        new Narrative(firstLine + "\n" + body.narrative().text(), "en"),
                        body.sourceDetails(),
                        body.internalNotes()));
    }

    private static NoticeVersion version(NoticeType type, JsonNode notice) {
        String entityId = text(notice, "entity_id");
        if (entityId == null) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, type.title() + " has no entity_id");
        }
        if (!ENTITY_ID.matcher(entityId).matches()) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID,
                    type.title() + " has an entity_id not of the form YYYY/NNNNN: " + entityId);
        }
        return new NoticeVersion(entityId, type.code(), NoticeJson.sha256Hex(NoticeJson.canonical(notice)));
    }

    private static Person person(JsonNode notice, NoticeType type, String entityId) {
        String name = text(notice, "name");
        String forename = text(notice, "forename");
        if (name == null && forename == null) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID,
                    type.title() + " " + entityId + " has no name and no forename; there is nobody to look for");
        }
        // A single known name is the primary identifier, as ICAO 9303 writes a mononym.
        String surname = name != null ? name : forename;
        String givenNames = name != null ? forename : null;
        return new Person(
                PERSON_ID,
                surname,
                givenNames,
                originalScript(notice),
                aliases(notice, surname, givenNames),
                partialDate(text(notice, "date_of_birth")),
                sex(text(notice, "sex_id")),
                nationalities(notice),
                placeOfBirth(notice),
                List.of());
    }

    private static String originalScript(JsonNode notice) {
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, text(notice, "name_in_original_script"));
        addIfPresent(parts, text(notice, "forename_in_original_script"));
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** Yellow {@code birth_name}, UN {@code name_at_birth} and {@code aliases}; never the name itself. */
    private static List<String> aliases(JsonNode notice, String surname, String givenNames) {
        Set<String> aliases = new LinkedHashSet<>();
        addIfPresent(aliases, text(notice, "birth_name"));
        addIfPresent(aliases, text(notice, "name_at_birth"));
        aliases.addAll(texts(notice, "aliases"));
        aliases.remove(surname);
        aliases.remove(givenNames == null ? surname : surname + " " + givenNames);
        return List.copyOf(aliases);
    }

    /** {@code YYYY/MM/DD}, {@code YYYY/MM} or {@code YYYY} (dashes also read); null when unknown or impossible. */
    static PartialDate partialDate(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Integer month = positiveOrNull(m.group(2));
        Integer day = month == null ? null : positiveOrNull(m.group(3));
        try {
            return new PartialDate(Integer.parseInt(m.group(1)), month, day);
        } catch (GatewayException impossible) {
            // The narrative keeps the date as published; a wrong date must not stop the notice.
            return null;
        }
    }

    private static Integer positiveOrNull(String digits) {
        if (digits == null) {
            return null;
        }
        int value = Integer.parseInt(digits);
        return value == 0 ? null : value;
    }

    private static Sex sex(String sexId) {
        if (sexId == null) {
            return Sex.U;
        }
        return switch (sexId.toUpperCase(Locale.ROOT)) {
            case "M" -> Sex.M;
            case "F" -> Sex.F;
            default -> Sex.U;
        };
    }

    private static List<String> nationalities(JsonNode notice) {
        return texts(notice, "nationalities").stream()
                .map(Countries::alpha3)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    /** {@code ERDENET} and {@code MN} read as {@code ERDENET, Mongolia}. */
    private static String placeOfBirth(JsonNode notice) {
        return placeWithCountry(text(notice, "place_of_birth"), text(notice, "country_of_birth_id"));
    }

    static String placeWithCountry(String place, String alpha2) {
        String country = alpha2 == null ? null : Countries.englishName(alpha2);
        if (place == null) {
            return country;
        }
        return country == null ? place : place + ", " + country;
    }

    private static Location placeOfDisappearance(JsonNode notice) {
        String place = text(notice, "place");
        String country = text(notice, "country");
        String alpha3 = country == null ? null : Countries.alpha3(country).orElse(null);
        if (place == null && alpha3 == null) {
            return null;
        }
        return new Location(PLACE_ID, null, null, null, alpha3, place);
    }

    private static void addIfPresent(Collection<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
