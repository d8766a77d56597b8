package io.borderlink.adapters.liaison;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.attribute;
import static io.borderlink.contracts.xml.Dom.child;
import static io.borderlink.contracts.xml.Dom.children;
import static io.borderlink.contracts.xml.Dom.optionalChild;
import static io.borderlink.contracts.xml.Dom.optionalText;
import static io.borderlink.contracts.xml.Dom.optionalToken;
import static io.borderlink.contracts.xml.Dom.optionalValue;
import static io.borderlink.contracts.xml.Dom.text;
import static io.borderlink.contracts.xml.Dom.token;
import static io.borderlink.contracts.xml.Dom.tokens;
import static io.borderlink.contracts.xml.Dom.value;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.PartnerAddressing;
import io.borderlink.adapters.format.ReleasedNarrative;
import io.borderlink.adapters.format.SecurityMarkings;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.PartialDate;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Purpose;
import io.borderlink.contracts.exchange.Sex;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.TravelDocument;
import io.borderlink.contracts.exchange.Vehicle;
import io.borderlink.contracts.xml.SecureXml;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Translates between the canonical exchange and the liaison offices' {@code LiaisonMessage}
 * (contracts/xsd/liaison-v1.xsd).
 *
 * <p>Outbound, every canonical field with a liaison counterpart is mapped. Consignments, and the
 * associations that refer to them, are dropped: liaison has no element for goods. Source details,
 * internal notes, purpose, addressees, source references, releasability and foreign markings are
 * never written, whatever the view holds. Classification maps to the liaison level as UNCLASSIFIED →
 * FOR_OFFICIAL_USE (intelligence never goes out unmarked), RESTRICTED, CONFIDENTIAL and SECRET → the
 * level of the same name.
 *
 * <p>Inbound, the originator is the authenticated partner, and the fields liaison lacks get
 * conservative defaults: no addressees (inbound policy routes), purpose {@value #INBOUND_PURPOSE},
 * a source reference {@code (partner, MessageId)}, nothing releasable abroad, and the liaison level
 * kept verbatim as the foreign marking. NO_MARKING and FOR_OFFICIAL_USE read as UNCLASSIFIED.
 */
public final class LiaisonTranslator {

    public static final String NAMESPACE = "urn:borderlink:partner:liaison:1";
    public static final String SCHEMA = "/xsd/liaison-v1.xsd";
    /** The element the gateway encrypts; the header stays readable for routing at the liaison office. */
    public static final QName CONTENT = new QName(NAMESPACE, "Content");

    public static final String INBOUND_PURPOSE = "PARTNER_LIAISON";

    private static final Set<Category> MESSAGE_TYPES = EnumSet.of(
            Category.WANTED_PERSON,
            Category.MISSING_PERSON,
            Category.PERSON_ALERT,
            Category.VEHICLE_ALERT,
            Category.BORDER_INCIDENT,
            Category.WILDLIFE_TRAFFICKING);

    private final String gatewayId;

    public LiaisonTranslator(GatewayIdentity identity) {
        this.gatewayId = identity.id();
    }

    /** An unsigned, unencrypted message; the gateway signs it and encrypts {@link #CONTENT}. */
    public Document toLiaison(Exchange partnerView, UUID messageId, String recipientPartnerId, Instant created) {
        Category category = partnerView.header().category();
        if (!MESSAGE_TYPES.contains(category)) {
            throw new GatewayException(
                    ErrorCode.INTERNAL_ERROR,
                    "liaison has no message type for " + category + "; no liaison partner may receive it");
        }
        Document doc = SecureXml.newDocument();
        doc.setXmlStandalone(true);
        Element message = doc.createElementNS(NAMESPACE, "LiaisonMessage");
        doc.appendChild(message);

        Element header = append(message, "Header");
        appendText(header, "MessageId", messageId.toString());
        appendText(header, "CorrelationId", partnerView.header().correlationId().toString());
        appendText(header, "Created", created.toString());
        appendText(header, "From", gatewayId);
        appendText(header, "To", recipientPartnerId);
        appendText(header, "MessageType", category.name());
        appendText(header, "Originator", partnerView.header().originator());
        SecurityMarkings.write(append(header, "SecurityMarking"), partnerView.markings());

        writeContent(
                append(message, CONTENT.getLocalPart()),
                partnerView.body().withoutSubjects(Consignment.class::isInstance));
        return doc;
    }

    /**
     * Reads a decrypted liaison message received from {@code senderPartnerId}, after validating it
     * against {@link #SCHEMA}. The message must claim to come from that partner and be addressed to
     * Borderlink.
     */
    public Exchange fromLiaison(Document liaisonMessage, String senderPartnerId, UUID exchangeId) {
        SecureXml.validate(liaisonMessage, SecureXml.schema(SCHEMA));
        Element message = liaisonMessage.getDocumentElement();
        Element header = child(message, "Header");
        PartnerAddressing.require(header, senderPartnerId, gatewayId);
        String messageId = token(header, "MessageId");
        return new Exchange(
                new Header(
                        exchangeId,
                        value(header, "CorrelationId", UUID::fromString),
                        value(header, "Created", s -> OffsetDateTime.parse(s).toInstant()),
                        senderPartnerId,
                        List.of(),
                        value(header, "MessageType", Category::valueOf),
                        new Purpose(
                                INBOUND_PURPOSE,
                                "Liaison message from " + senderPartnerId + " on behalf of "
                                        + token(header, "Originator")),
                        List.of(new SourceRef(senderPartnerId, messageId))),
                SecurityMarkings.read(child(header, "SecurityMarking"), "liaison"),
                readContent(child(message, CONTENT.getLocalPart())));
    }

    private static void writeContent(Element content, Body body) {
        List<Person> persons = body.subjects(Person.class);
        if (!persons.isEmpty()) {
            Element list = append(content, "Persons");
            persons.forEach(p -> writePerson(append(list, "Person"), p));
        }
        List<Vehicle> vehicles = body.subjects(Vehicle.class);
        if (!vehicles.isEmpty()) {
            Element list = append(content, "Vehicles");
            vehicles.forEach(v -> writeVehicle(append(list, "Vehicle"), v));
        }
        List<Location> locations = body.subjects(Location.class);
        if (!locations.isEmpty()) {
            Element list = append(content, "Places");
            locations.forEach(l -> writePlace(append(list, "Place"), l));
        }
        if (!body.associations().isEmpty()) {
            Element links = append(content, "Links");
            for (Association association : body.associations()) {
                Element link = append(links, "Link");
                appendText(link, "From", association.fromId());
                appendText(link, "To", association.toId());
                appendText(link, "Relation", association.role());
            }
        }
        Narrative narrative = ReleasedNarrative.of(body);
        Element summary = append(content, "Summary");
        summary.setAttributeNS(null, "language", narrative.lang());
        summary.setTextContent(narrative.text());
    }

    private static Body readContent(Element content) {
        List<Subject> subjects = new ArrayList<>();
        listed(content, "Persons", "Person").forEach(p -> subjects.add(readPerson(p)));
        listed(content, "Vehicles", "Vehicle").forEach(v -> subjects.add(readVehicle(v)));
        listed(content, "Places", "Place").forEach(l -> subjects.add(readPlace(l)));
        List<Association> associations = listed(content, "Links", "Link").stream()
                .map(l -> new Association(token(l, "From"), token(l, "To"), token(l, "Relation")))
                .toList();
        Element summary = child(content, "Summary");
        return new Body(
                subjects,
                associations,
                new Narrative(summary.getTextContent(), attribute(summary, "language")),
                null,
                null);
    }

    private static void writePerson(Element p, Person person) {
        p.setAttributeNS(null, "id", person.id());
        appendText(p, "FamilyName", person.surname());
        appendText(p, "GivenName", person.givenNames());
        appendText(p, "OriginalScriptName", person.nameInOriginalScript());
        person.aliases().forEach(alias -> appendText(p, "AlsoKnownAs", alias));
        appendText(
                p,
                "BirthDate",
                person.dateOfBirth() == null ? null : person.dateOfBirth().toString());
        appendText(p, "BirthPlace", person.placeOfBirth());
        appendText(p, "Gender", gender(person.sex()));
        person.nationalities().forEach(n -> appendText(p, "Citizenship", n));
        for (TravelDocument document : person.documents()) {
            Element d = append(p, "IdentityDocument");
            appendText(d, "Kind", document.icaoType());
            appendText(d, "Number", document.number());
            appendText(d, "IssuedBy", document.issuingState());
            appendText(
                    d,
                    "ValidUntil",
                    document.expiry() == null ? null : document.expiry().toString());
        }
    }

    private static Person readPerson(Element p) {
        return new Person(
                attribute(p, "id"),
                text(p, "FamilyName"),
                optionalText(p, "GivenName"),
                optionalText(p, "OriginalScriptName"),
                children(p, "AlsoKnownAs").stream().map(Element::getTextContent).toList(),
                optionalValue(p, "BirthDate", PartialDate::parse),
                sex(token(p, "Gender")),
                tokens(p, "Citizenship"),
                optionalText(p, "BirthPlace"),
                children(p, "IdentityDocument").stream()
                        .map(d -> new TravelDocument(
                                token(d, "Kind"),
                                token(d, "Number"),
                                token(d, "IssuedBy"),
                                optionalValue(d, "ValidUntil", LocalDate::parse)))
                        .toList());
    }

    private static String gender(Sex sex) {
        return switch (sex) {
            case M -> "MALE";
            case F -> "FEMALE";
            case X -> "OTHER";
            case U -> "UNKNOWN";
        };
    }

    private static Sex sex(String gender) {
        return switch (gender) {
            case "MALE" -> Sex.M;
            case "FEMALE" -> Sex.F;
            case "OTHER" -> Sex.X;
            case "UNKNOWN" -> Sex.U;
            default -> throw new GatewayException(ErrorCode.SCHEMA_INVALID, "unknown gender " + gender);
        };
    }

    private static void writeVehicle(Element v, Vehicle vehicle) {
        v.setAttributeNS(null, "id", vehicle.id());
        appendText(v, "RegistrationPlate", vehicle.plate());
        appendText(v, "RegistrationCountry", vehicle.plateCountry());
        appendText(v, "Vin", vehicle.vin());
        appendText(v, "Make", vehicle.make());
        appendText(v, "Model", vehicle.model());
        appendText(v, "Colour", vehicle.colour());
    }

    private static Vehicle readVehicle(Element v) {
        return new Vehicle(
                attribute(v, "id"),
                token(v, "RegistrationPlate"),
                token(v, "RegistrationCountry"),
                optionalToken(v, "Vin"),
                optionalText(v, "Make"),
                optionalText(v, "Model"),
                optionalText(v, "Colour"));
    }

    private static void writePlace(Element l, Location location) {
        l.setAttributeNS(null, "id", location.id());
        appendText(
                l,
                "Lat",
                location.latitude() == null ? null : location.latitude().toPlainString());
        appendText(
                l,
                "Lon",
                location.longitude() == null ? null : location.longitude().toPlainString());
        appendText(l, "CrossingPoint", location.borderCrossingPoint());
        appendText(l, "Country", location.country());
        appendText(l, "Description", location.description());
    }

    private static Location readPlace(Element l) {
        return new Location(
                attribute(l, "id"),
                optionalValue(l, "Lat", BigDecimal::new),
                optionalValue(l, "Lon", BigDecimal::new),
                optionalText(l, "CrossingPoint"),
                optionalToken(l, "Country"),
                optionalText(l, "Description"));
    }

    private static List<Element> listed(Element content, String list, String item) {
        Element wrapper = optionalChild(content, list);
        return wrapper == null ? List.of() : children(wrapper, item);
    }
}
