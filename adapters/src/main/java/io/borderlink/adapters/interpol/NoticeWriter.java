package io.borderlink.adapters.interpol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.borderlink.adapters.format.Countries;
import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.ReleasedNarrative;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.PartialDate;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Sex;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.TravelDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a partner view of a WANTED_PERSON or MISSING_PERSON exchange as a notice in the shape of the
 * API's red or yellow detail (snake_case, alpha-2 countries, dates {@code YYYY/MM/DD} or shorter),
 * preceded by an {@code envelope} with Borderlink's metadata. The document is described by
 * contracts' {@value #SCHEMA}.
 *
 * <p>Output is deterministic: fields in a fixed order, every field always written ({@code null} or
 * {@code []} when empty), no indentation, UTF-8. Choices the canonical model leaves open:
 *
 * <ul>
 *   <li>The notice is about the view's first person; other persons, vehicles, and places other than
 *       a missing person's {@code LAST_SEEN_AT} place have no field in a notice and are not written.
 *   <li>{@code entity_id} is the id of an {@code INTERPOL} source reference when the exchange is
 *       about a published notice, otherwise null (INTERPOL assigns it). Other source references,
 *       addressees and releasability are never written.
 *   <li>A red notice has one arrest warrant: issued by the originating agency's country (the
 *       {@code MN} of {@code MN-BORDER}), its charge the narrative, which states the facts; a
 *       purpose says why we share, not what the person is charged with. A yellow notice carries the
 *       narrative as {@code summary}, as UN notices do.
 *   <li>Sex X is written U (the API knows M, F and U). Nationalities and issuing states without an
 *       alpha-2 form (XXA, UNO, ...) are left out.
 * </ul>
 */
public final class NoticeWriter {

    public static final String SCHEMA = "/json/interpol-notice-v1.schema.json";

    private final String gatewayId;

    public NoticeWriter(GatewayIdentity identity) {
        this.gatewayId = identity.id();
    }

    /** An unsigned, unencrypted document; the gateway protects it. */
    public byte[] write(Exchange partnerView, UUID messageId, String recipientPartnerId, Instant created) {
        Category category = partnerView.header().category();
        NoticeType type =
                switch (category) {
                    case WANTED_PERSON -> NoticeType.RED;
                    case MISSING_PERSON -> NoticeType.YELLOW;
                    default ->
                        throw new GatewayException(
                                ErrorCode.INTERNAL_ERROR,
                                "the notice format has no notice type for " + category
                                        + "; no INTERPOL partner may receive it");
                };
        List<Person> persons = partnerView.body().subjects(Person.class);
        if (persons.isEmpty()) {
            throw new GatewayException(
                    ErrorCode.INTERNAL_ERROR,
                    "exchange " + partnerView.header().exchangeId() + " has no person to write a notice about");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = NoticeJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            writeEnvelope(json, partnerView, type, messageId, recipientPartnerId, created);
            writeNotice(json, partnerView, type, persons.get(0));
            json.writeEndObject();
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "notice JSON could not be written", e);
        }
        return out.toByteArray();
    }

    private void writeEnvelope(
            JsonGenerator json, Exchange view, NoticeType type, UUID messageId, String to, Instant created)
            throws IOException {
        Markings markings = view.markings();
        json.writeObjectFieldStart("envelope");
        json.writeStringField("message_id", messageId.toString());
        json.writeStringField("correlation_id", view.header().correlationId().toString());
        json.writeStringField("created", created.toString());
        json.writeStringField("from", gatewayId);
        json.writeStringField("to", to);
        json.writeStringField("originator", view.header().originator());
        json.writeStringField("notice_type", type.code());
        json.writeStringField("classification", markings.classification().name());
        json.writeStringField("tlp", "TLP:" + markings.tlp().label());
        json.writeStringField("handling", markings.handlingCode().name());
        json.writeStringField("handling_conditions", markings.handlingConditions());
        json.writeStringField("evaluation", markings.sourceReliability().name() + markings.informationAccuracy());
        json.writeObjectFieldStart("purpose");
        json.writeStringField("code", view.header().purpose().code());
        json.writeStringField("text", view.header().purpose().text());
        json.writeEndObject();
        json.writeStringField("language", ReleasedNarrative.of(view.body()).lang());
        json.writeEndObject();
    }

    private static void writeNotice(JsonGenerator json, Exchange view, NoticeType type, Person person)
            throws IOException {
        json.writeStringField("entity_id", interpolEntityId(view));
        json.writeStringField("name", person.surname());
        json.writeStringField("forename", person.givenNames());
        json.writeStringField("name_in_original_script", person.nameInOriginalScript());
        strings(json, "aliases", person.aliases());
        json.writeStringField("date_of_birth", noticeDate(person.dateOfBirth()));
        json.writeStringField(
                "sex_id", person.sex() == Sex.X ? "U" : person.sex().name());
        strings(
                json,
                "nationalities",
                person.nationalities().stream()
                        .map(Countries::alpha2)
                        .flatMap(Optional::stream)
                        .distinct()
                        .toList());
        json.writeStringField("place_of_birth", person.placeOfBirth());
        json.writeNullField("country_of_birth_id");
        json.writeNullField("distinguishing_marks");
        json.writeArrayFieldStart("identity_documents");
        for (TravelDocument document : person.documents()) {
            json.writeStartObject();
            json.writeStringField("document_type", document.icaoType());
            json.writeStringField("number", document.number());
            json.writeStringField(
                    "issuing_country_id",
                    Countries.alpha2(document.issuingState()).orElse(null));
            json.writeStringField(
                    "expiry",
                    document.expiry() == null ? null : document.expiry().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        String narrative = ReleasedNarrative.of(view.body()).text();
        if (type == NoticeType.RED) {
            json.writeArrayFieldStart("arrest_warrants");
            json.writeStartObject();
            json.writeStringField(
                    "issuing_country_id", originatorCountry(view.header().originator()));
            json.writeStringField("charge", narrative);
            json.writeNullField("charge_translation");
            json.writeEndObject();
            json.writeEndArray();
        } else {
            Location place = lastSeenAt(view, person);
            json.writeStringField("place", place == null ? null : placeText(place));
            json.writeStringField(
                    "country",
                    place == null || place.country() == null
                            ? null
                            : Countries.alpha2(place.country()).orElse(null));
            json.writeNullField("date_of_event");
            json.writeStringField("summary", narrative);
        }
    }

    private static String interpolEntityId(Exchange view) {
        return view.header().sourceRefs().stream()
                .filter(ref -> NoticeMapper.SOURCE_SYSTEM.equals(ref.system()))
                .map(SourceRef::id)
                .findFirst()
                .orElse(null);
    }

    /** {@code 1986-07-14} → {@code 1986/07/14}; partial dates stay partial. */
    static String noticeDate(PartialDate date) {
        return date == null ? null : date.toString().replace('-', '/');
    }

    /** {@code MN-BORDER} → {@code MN}, when the prefix is a country code. */
    private static String originatorCountry(String originator) {
        int dash = originator.indexOf('-');
        String prefix = dash == 2 ? originator.substring(0, 2) : null;
        return prefix != null && Countries.alpha3(prefix).isPresent() ? prefix : null;
    }

    private static Location lastSeenAt(Exchange view, Person person) {
        List<String> placeIds = view.body().associations().stream()
                .filter(a -> a.fromId().equals(person.id()) && NoticeMapper.LAST_SEEN_AT.equals(a.role()))
                .map(Association::toId)
                .toList();
        return view.body().subjects(Location.class).stream()
                .filter(l -> placeIds.contains(l.id()))
                .findFirst()
                .orElse(null);
    }

    private static String placeText(Location place) {
        return place.description() != null ? place.description() : place.borderCrossingPoint();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
