package io.borderlink.adapters.wco;

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
import static io.borderlink.contracts.xml.Dom.value;

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
import io.borderlink.contracts.exchange.Party;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Purpose;
import io.borderlink.contracts.exchange.SeizedGoods;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.Vehicle;
import io.borderlink.contracts.xml.SecureXml;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Translates between the canonical exchange and the WCO enforcement message
 * (contracts/xsd/wco-enforcement-v1.xsd): CEN-style seizure reports and customs risk alerts for
 * WCO-RILO.
 *
 * <p>Outbound, the message is non-nominal whatever the partner view holds, because the global CEN
 * holds no personal names (docs/partner-formats.md, WCO):
 *
 * <ul>
 *   <li>Persons and vehicles are never written, nor any association that involves them.
 *   <li>The declarant and every party are left out. The canonical model holds a party as a role and
 *       a free-text name, and nothing tells a company ("Dornod Khuns Trade LLC") from a private
 *       importer or a sole trader under their own name; a whitelist of "organisation roles" would
 *       not help, since a consignee or carrier can be a natural person. So no party goes out until
 *       the model carries an organisation identifier (EORI, TIN) to send instead of a name.
 *   <li>Every name the exchange holds (persons, declarants, parties, a human source and handler) is
 *       replaced by {@value WithheldNames#MARK} in the free text that is written ({@link
 *       WithheldNames}).
 *   <li>A location is written when it is linked to a consignment, or linked to no person and no
 *       vehicle; a place that only locates a person or a vehicle (an address, a sighting) stays home.
 *   <li>The narrative goes out only as a risk alert's risk indicators; a seizure is the CEN's
 *       structured fields, since the case narrative is where people are described.
 *   <li>Source details, internal notes, purpose, addressees, releasability and foreign markings are
 *       never written. Source references are written only when they are declaration references:
 *       system {@value #MRN}, {@value #LRN} or {@value #UCR}.
 * </ul>
 *
 * <p>WILDLIFE_TRAFFICKING goes out as a SEIZURE whose goods without a commodity category get
 * {@value #WILDLIFE_COMMODITY}. Countries become ISO 3166-1 alpha-2; classification maps to the level
 * as UNCLASSIFIED → FOR_OFFICIAL_USE, the others to the level of the same name.
 *
 * <p>Inbound, the originator is the authenticated partner, the addressees are empty (inbound policy
 * routes), the purpose is {@value #INBOUND_PURPOSE}, nothing is releasable abroad, and the level is
 * kept verbatim as the foreign marking. A SEIZURE becomes a SEIZURE_REPORT, a RISK_ALERT a
 * CUSTOMS_RISK_ALERT. The narrative is the risk indicators of an alert, followed by its goods items
 * (suspected, not seized, so they are no seized goods), or a summary built from the fields of a
 * seizure, which has no free text of its own.
 */
public final class WcoTranslator {

    public static final String NAMESPACE = "urn:borderlink:partner:wco:1";
    public static final String SCHEMA = "/xsd/wco-enforcement-v1.xsd";
    /** The element the gateway encrypts; the header stays readable for routing at the receiver. */
    public static final QName REPORT = new QName(NAMESPACE, "Report");
    /** How WCO-RILO knows Borderlink, as {@code From} outbound and {@code To} inbound. */
    public static final String GATEWAY_ID = "MN-BORDERLINK";

    public static final String INBOUND_PURPOSE = "WCO_RILO_ALERT";

    /** The source-reference system of a declaration's MRN, written as Declaration/ID. */
    public static final String MRN = "MRN";
    /** The source-reference system of a declarant's LRN, written as Declaration/FunctionalReferenceID. */
    public static final String LRN = "LRN";
    /** The source-reference system of a UCR, written as Declaration/UCR/TraderAssignedReferenceID. */
    public static final String UCR = "UCR";

    /** The CEN commodity category of a wildlife seizure's goods, when the agency gave none. */
    public static final String WILDLIFE_COMMODITY = "CITES";

    private static final String SEIZURE = "SEIZURE";
    private static final String RISK_ALERT = "RISK_ALERT";
    private static final String TARIFF_CODE = "TSP";

    /** An unsigned, unencrypted message; the gateway signs it and encrypts {@link #REPORT}. */
    public Document toWco(Exchange partnerView, UUID messageId, String recipientPartnerId, Instant created) {
        Category category = partnerView.header().category();
        String messageType =
                switch (category) {
                    case SEIZURE_REPORT, WILDLIFE_TRAFFICKING -> SEIZURE;
                    case CUSTOMS_RISK_ALERT -> RISK_ALERT;
                    default ->
                        throw new GatewayException(
                                ErrorCode.INTERNAL_ERROR,
                                "the WCO format has no message type for " + category
                                        + "; no WCO partner may receive it");
                };
        Body body = partnerView.body();
        if (messageType.equals(SEIZURE) && body.subjects(Consignment.class).isEmpty()) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "a seizure report for the WCO needs at least one consignment");
        }
        Document doc = SecureXml.newDocument();
        doc.setXmlStandalone(true);
        Element message = doc.createElementNS(NAMESPACE, "EnforcementMessage");
        doc.appendChild(message);

        Element header = append(message, "Header");
        appendText(header, "MessageId", messageId.toString());
        appendText(header, "CorrelationId", partnerView.header().correlationId().toString());
        appendText(header, "Created", created.toString());
        appendText(header, "From", GATEWAY_ID);
        appendText(header, "To", recipientPartnerId);
        appendText(header, "MessageType", messageType);
        appendText(header, "Originator", partnerView.header().originator());
        SecurityMarkings.write(append(header, "Marking"), partnerView.markings());

        Element report = append(message, REPORT.getLocalPart());
        writeDeclarations(report, partnerView.header().sourceRefs());
        WithheldNames names = WithheldNames.of(body);
        if (messageType.equals(SEIZURE)) {
            writeContent(append(report, "Seizure"), body, category, names);
        } else {
            Element alert = append(report, "RiskAlert");
            Element indicators = append(alert, "RiskIndicators");
            Narrative narrative = ReleasedNarrative.of(body);
            indicators.setAttributeNS(null, "languageID", narrative.lang());
            indicators.setTextContent(names.scrub(narrative.text()));
            writeContent(alert, body, category, names);
        }
        return doc;
    }

    /**
     * Reads a decrypted enforcement message received from {@code senderPartnerId}, after validating it
     * against {@link #SCHEMA}. The message must claim to come from that partner and be addressed to
     * Borderlink.
     */
    public Exchange fromWco(Document enforcementMessage, String senderPartnerId, UUID exchangeId) {
        SecureXml.validate(enforcementMessage, SecureXml.schema(SCHEMA));
        Element message = enforcementMessage.getDocumentElement();
        Element header = child(message, "Header");
        String from = token(header, "From");
        if (!from.equals(senderPartnerId)) {
            throw new GatewayException(
                    ErrorCode.ORIGINATOR_MISMATCH,
                    "message claims to be from " + from + ", sent by " + senderPartnerId);
        }
        String to = token(header, "To");
        if (!to.equals(GATEWAY_ID)) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "message is addressed to " + to);
        }
        Element report = child(message, REPORT.getLocalPart());
        String messageType = token(header, "MessageType");
        Element content = optionalChild(report, messageType.equals(SEIZURE) ? "Seizure" : "RiskAlert");
        if (content == null) {
            // XSD 1.0 cannot tie the report's content to the header's message type.
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "a " + messageType + " message holds another kind of report");
        }
        String originator = token(header, "Originator");
        List<SourceRef> sourceRefs = new ArrayList<>();
        sourceRefs.add(new SourceRef(senderPartnerId, token(header, "MessageId")));
        sourceRefs.addAll(readDeclarations(report));
        return new Exchange(
                new Header(
                        exchangeId,
                        value(header, "CorrelationId", UUID::fromString),
                        value(header, "Created", s -> OffsetDateTime.parse(s).toInstant()),
                        senderPartnerId,
                        List.of(),
                        messageType.equals(SEIZURE) ? Category.SEIZURE_REPORT : Category.CUSTOMS_RISK_ALERT,
                        new Purpose(
                                INBOUND_PURPOSE,
                                "WCO enforcement message from " + senderPartnerId + " on behalf of " + originator),
                        sourceRefs),
                SecurityMarkings.read(child(header, "Marking"), "WCO marking"),
                readContent(content, messageType.equals(SEIZURE), senderPartnerId, originator));
    }

    private static void writeDeclarations(Element report, List<SourceRef> sourceRefs) {
        for (SourceRef ref : sourceRefs) {
            switch (ref.system()) {
                case MRN -> appendText(append(report, "Declaration"), "ID", ref.id());
                case LRN -> appendText(append(report, "Declaration"), "FunctionalReferenceID", ref.id());
                case UCR ->
                    appendText(append(append(report, "Declaration"), "UCR"), "TraderAssignedReferenceID", ref.id());
                default -> {
                    // Case numbers and other internal references stay home.
                }
            }
        }
    }

    private static List<SourceRef> readDeclarations(Element report) {
        List<SourceRef> refs = new ArrayList<>();
        for (Element declaration : children(report, "Declaration")) {
            Element ucr = optionalChild(declaration, "UCR");
            if (ucr != null) {
                refs.add(new SourceRef(UCR, token(ucr, "TraderAssignedReferenceID")));
            } else if (optionalChild(declaration, "ID") != null) {
                refs.add(new SourceRef(MRN, token(declaration, "ID")));
            } else {
                refs.add(new SourceRef(LRN, token(declaration, "FunctionalReferenceID")));
            }
        }
        return refs;
    }

    /** Places, then goods shipments; a seizure and a risk alert share this part. */
    private static void writeContent(Element content, Body body, Category category, WithheldNames names) {
        List<Consignment> consignments = body.subjects(Consignment.class);
        List<Location> places = writtenLocations(body);
        Set<String> placeIds = ids(places);
        for (Location place : places) {
            writePlace(append(content, "Place"), place, names);
        }
        for (Consignment consignment : consignments) {
            List<Association> placeLinks = body.associations().stream()
                    .filter(a -> a.fromId().equals(consignment.id()) && placeIds.contains(a.toId()))
                    .toList();
            writeGoodsShipment(append(content, "GoodsShipment"), consignment, placeLinks, category, names);
        }
    }

    /** Locations linked to a consignment, or to no person and no vehicle (see the class comment). */
    private static List<Location> writtenLocations(Body body) {
        Set<String> consignmentIds = ids(body.subjects(Consignment.class));
        Set<String> personOrVehicleIds = body.subjects().stream()
                .filter(s -> s instanceof Person || s instanceof Vehicle)
                .map(Subject::id)
                .collect(Collectors.toSet());
        return body.subjects(Location.class).stream()
                .filter(location -> {
                    List<String> linked = body.associations().stream()
                            .filter(a ->
                                    a.fromId().equals(location.id()) || a.toId().equals(location.id()))
                            .map(a -> a.fromId().equals(location.id()) ? a.toId() : a.fromId())
                            .toList();
                    return linked.stream().anyMatch(consignmentIds::contains)
                            || linked.stream().noneMatch(personOrVehicleIds::contains);
                })
                .toList();
    }

    private static void writePlace(Element p, Location location, WithheldNames names) {
        p.setAttributeNS(null, "id", location.id());
        appendText(p, "Latitude", decimal(location.latitude()));
        appendText(p, "Longitude", decimal(location.longitude()));
        appendText(p, "BorderCrossingPoint", names.scrub(location.borderCrossingPoint()));
        appendText(p, "CountryCode", CountryCodes.alpha2(location.country()));
        appendText(p, "Description", names.scrub(location.description()));
    }

    private static void writeGoodsShipment(
            Element shipment,
            Consignment consignment,
            List<Association> placeLinks,
            Category category,
            WithheldNames names) {
        shipment.setAttributeNS(null, "id", consignment.id());
        if (consignment.conveyanceId() != null
                || !consignment.route().isEmpty()
                || !consignment.containerNumbers().isEmpty()) {
            writeConsignment(append(shipment, "Consignment"), consignment, names);
        }
        if (consignment.hsCode() != null) {
            Element classification = append(shipment, "Classification");
            appendText(classification, "ID", consignment.hsCode());
            appendText(classification, "IdentificationTypeCode", TARIFF_CODE);
        }
        if (consignment.origin() != null) {
            appendText(append(shipment, "Origin"), "CountryCode", CountryCodes.alpha2(consignment.origin()));
        }
        int sequence = 1;
        for (SeizedGoods goods : consignment.seizedGoods()) {
            Element item = append(shipment, "GovernmentAgencyGoodsItem");
            appendText(item, "SequenceNumeric", Integer.toString(sequence++));
            Element commodity = append(item, "Commodity");
            appendText(commodity, "Description", names.scrub(goods.description()));
            appendText(commodity, "CommodityCategoryCode", commodityCategory(goods, category));
            if (goods.quantity() != null) {
                Element quantity = append(append(item, "GoodsMeasure"), "TariffQuantity");
                quantity.setAttributeNS(null, "unitCode", goods.unit());
                quantity.setTextContent(goods.quantity().toPlainString());
            }
        }
        appendText(shipment, "DetectionMethod", names.scrub(consignment.detectionMethod()));
        appendText(shipment, "ConcealmentMethod", names.scrub(consignment.concealmentMethod()));
        for (Association link : placeLinks) {
            Element reference = append(shipment, "PlaceReference");
            appendText(reference, "PlaceID", link.toId());
            appendText(reference, "RoleCode", link.role());
        }
    }

    private static void writeConsignment(Element c, Consignment consignment, WithheldNames names) {
        if (consignment.conveyanceId() != null) {
            appendText(append(c, "BorderTransportMeans"), "ID", names.scrub(consignment.conveyanceId()));
        }
        List<String> route = names.scrub(consignment.route());
        if (!route.isEmpty()) {
            Element itinerary = append(c, "Itinerary");
            appendText(itinerary, "DeparturePlace", route.get(0));
            route.subList(1, Math.max(1, route.size() - 1)).forEach(p -> appendText(itinerary, "TransitPlace", p));
            if (route.size() > 1) {
                appendText(itinerary, "DestinationPlace", route.get(route.size() - 1));
            }
        }
        int sequence = 1;
        for (String container : consignment.containerNumbers()) {
            Element equipment = append(c, "TransportEquipment");
            appendText(equipment, "SequenceNumeric", Integer.toString(sequence++));
            appendText(equipment, "ID", container);
        }
    }

    private static String commodityCategory(SeizedGoods goods, Category category) {
        if (goods.commodityCategory() == null && category == Category.WILDLIFE_TRAFFICKING) {
            return WILDLIFE_COMMODITY;
        }
        return goods.commodityCategory();
    }

    private static Body readContent(Element content, boolean seizure, String sender, String originator) {
        List<Subject> subjects = new ArrayList<>();
        List<Association> associations = new ArrayList<>();
        List<Element> shipments = children(content, "GoodsShipment");
        for (Element shipment : shipments) {
            String id = attribute(shipment, "id");
            subjects.add(readConsignment(shipment, seizure));
            for (Element reference : children(shipment, "PlaceReference")) {
                associations.add(new Association(id, token(reference, "PlaceID"), token(reference, "RoleCode")));
            }
        }
        List<Element> places = children(content, "Place");
        places.forEach(p -> subjects.add(readPlace(p)));
        Narrative narrative;
        if (seizure) {
            narrative = new Narrative(seizureSummary(content, sender, originator), "en");
        } else {
            Element indicators = child(content, "RiskIndicators");
            narrative = new Narrative(
                    indicators.getTextContent() + suspectedGoods(shipments), attribute(indicators, "languageID"));
        }
        return new Body(subjects, associations, narrative, null, null);
    }

    /** Goods items of a risk alert are suspected, not seized: they go to the narrative, not to seized goods. */
    private static Consignment readConsignment(Element shipment, boolean seizure) {
        Element consignment = optionalChild(shipment, "Consignment");
        Element classification = optionalChild(shipment, "Classification");
        Element origin = optionalChild(shipment, "Origin");
        return new Consignment(
                attribute(shipment, "id"),
                classification == null ? null : token(classification, "ID"),
                consignment == null
                        ? List.of()
                        : children(consignment, "TransportEquipment").stream()
                                .map(e -> token(e, "ID"))
                                .toList(),
                conveyance(consignment),
                null,
                children(shipment, "Party").stream()
                        .map(WcoTranslator::readParty)
                        .toList(),
                origin == null ? null : CountryCodes.alpha3(token(origin, "CountryCode")),
                route(consignment),
                seizure
                        ? children(shipment, "GovernmentAgencyGoodsItem").stream()
                                .map(WcoTranslator::readGoods)
                                .toList()
                        : List.of(),
                optionalText(shipment, "DetectionMethod"),
                optionalText(shipment, "ConcealmentMethod"));
    }

    private static String conveyance(Element consignment) {
        Element means = consignment == null ? null : optionalChild(consignment, "BorderTransportMeans");
        return means == null ? null : text(means, "ID");
    }

    private static List<String> route(Element consignment) {
        Element itinerary = consignment == null ? null : optionalChild(consignment, "Itinerary");
        if (itinerary == null) {
            return List.of();
        }
        List<String> route = new ArrayList<>();
        route.add(text(itinerary, "DeparturePlace"));
        children(itinerary, "TransitPlace").forEach(p -> route.add(p.getTextContent()));
        String destination = optionalText(itinerary, "DestinationPlace");
        if (destination != null) {
            route.add(destination);
        }
        return route;
    }

    /** An organisation: its name, its identifier with the scheme, or both as "name (scheme id)". */
    private static Party readParty(Element party) {
        Element id = optionalChild(party, "ID");
        String name = optionalText(party, "OrganisationName");
        String identifier = null;
        if (id != null) {
            String scheme = id.hasAttributeNS(null, "schemeID") ? attribute(id, "schemeID") + " " : "";
            identifier = scheme + token(party, "ID");
        }
        String label = name == null ? identifier : identifier == null ? name : name + " (" + identifier + ")";
        return new Party(token(party, "RoleCode"), label);
    }

    private static SeizedGoods readGoods(Element item) {
        Element commodity = child(item, "Commodity");
        Element measure = optionalChild(item, "GoodsMeasure");
        Element quantity = measure == null ? null : child(measure, "TariffQuantity");
        return new SeizedGoods(
                text(commodity, "Description"),
                optionalToken(commodity, "CommodityCategoryCode"),
                quantity == null ? null : value(measure, "TariffQuantity", BigDecimal::new),
                quantity == null ? null : attribute(quantity, "unitCode"));
    }

    private static Location readPlace(Element p) {
        return new Location(
                attribute(p, "id"),
                optionalValue(p, "Latitude", BigDecimal::new),
                optionalValue(p, "Longitude", BigDecimal::new),
                optionalText(p, "BorderCrossingPoint"),
                CountryCodes.alpha3(optionalToken(p, "CountryCode")),
                optionalText(p, "Description"));
    }

    /** A seizure has no free text of its own, so the narrative says in words what its fields hold. */
    private static String seizureSummary(Element seizure, String sender, String originator) {
        StringJoiner summary = new StringJoiner("\n");
        LocalDate date = optionalValue(seizure, "SeizureDate", LocalDate::parse);
        summary.add("Seizure reported by " + originator + " through " + sender
                + (date == null ? "" : ", seized on " + date) + ".");
        for (Element place : children(seizure, "Place")) {
            summary.add("Place " + attribute(place, "id") + ": " + placeText(place) + ".");
        }
        for (Element shipment : children(seizure, "GoodsShipment")) {
            summary.add("Goods shipment " + attribute(shipment, "id") + ":");
            for (Element item : children(shipment, "GovernmentAgencyGoodsItem")) {
                summary.add("- " + goodsText(item));
            }
            String detection = optionalText(shipment, "DetectionMethod");
            if (detection != null) {
                summary.add("Detection: " + detection.strip());
            }
            String concealment = optionalText(shipment, "ConcealmentMethod");
            if (concealment != null) {
                summary.add("Concealment: " + concealment.strip());
            }
        }
        return summary.toString();
    }

    private static String suspectedGoods(List<Element> shipments) {
        StringJoiner text = new StringJoiner("\n", "\n\n", "").setEmptyValue("");
        for (Element shipment : shipments) {
            for (Element item : children(shipment, "GovernmentAgencyGoodsItem")) {
                text.add("Suspected goods in shipment " + attribute(shipment, "id") + ": " + goodsText(item));
            }
        }
        return text.toString();
    }

    private static String placeText(Element place) {
        StringJoiner text = new StringJoiner(", ");
        for (String field : List.of("BorderCrossingPoint", "Description", "CountryCode")) {
            String value = optionalText(place, field);
            if (value != null) {
                text.add(value.strip());
            }
        }
        String latitude = optionalToken(place, "Latitude");
        if (latitude != null) {
            text.add(latitude + " " + token(place, "Longitude"));
        }
        return text.toString();
    }

    private static String goodsText(Element item) {
        Element commodity = child(item, "Commodity");
        StringBuilder text = new StringBuilder();
        Element measure = optionalChild(item, "GoodsMeasure");
        if (measure != null) {
            Element quantity = child(measure, "TariffQuantity");
            text.append(token(measure, "TariffQuantity"))
                    .append(' ')
                    .append(attribute(quantity, "unitCode"))
                    .append(' ');
        }
        text.append(text(commodity, "Description").strip());
        String category = optionalToken(commodity, "CommodityCategoryCode");
        if (category != null) {
            text.append(" [").append(category).append(']');
        }
        for (Element packaging : children(item, "Packaging")) {
            StringJoiner packed = new StringJoiner(" ", "; packed ", "");
            for (String field : List.of("QuantityQuantity", "TypeCode", "MarksNumbersID")) {
                String value = optionalToken(packaging, field);
                if (value != null) {
                    packed.add(value);
                }
            }
            text.append(packed);
        }
        return text.toString();
    }

    private static Set<String> ids(List<? extends Subject> subjects) {
        return subjects.stream().map(Subject::id).collect(Collectors.toSet());
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
