package io.borderlink.adapters.wco;

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

import io.borderlink.adapters.format.PartnerAddressing;
import io.borderlink.adapters.format.SecurityMarkings;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Party;
import io.borderlink.contracts.exchange.Purpose;
import io.borderlink.contracts.exchange.SeizedGoods;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.xml.SecureXml;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WCO → canonical: validates a received EnforcementMessage (the schema, then what a schema cannot
 * say: who sent it, to whom, and that its Report matches its MessageType) and reads it with the
 * conservative inbound defaults listed on {@link WcoTranslator}.
 */
final class EnforcementMessageReader {

    private EnforcementMessageReader() {}

    static Exchange read(Document enforcementMessage, String senderPartnerId, String gatewayId, UUID exchangeId) {
        SecureXml.validate(enforcementMessage, SecureXml.schema(WcoTranslator.SCHEMA));
        Element message = enforcementMessage.getDocumentElement();
        Element header = child(message, "Header");
        PartnerAddressing.require(header, senderPartnerId, gatewayId);
        Element report = child(message, WcoTranslator.REPORT.getLocalPart());
        MessageType messageType = value(header, "MessageType", MessageType::valueOf);
        Element content = optionalChild(report, messageType.content);
        if (content == null) {
            // XSD 1.0 cannot tie the report's content to the header's message type.
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "a " + messageType + " message holds another kind of report");
        }
        String originator = token(header, "Originator");
        List<SourceRef> sourceRefs = new ArrayList<>();
        sourceRefs.add(new SourceRef(senderPartnerId, token(header, "MessageId")));
        sourceRefs.addAll(Declarations.read(report));
        return new Exchange(
                new Header(
                        exchangeId,
                        value(header, "CorrelationId", UUID::fromString),
                        value(header, "Created", s -> OffsetDateTime.parse(s).toInstant()),
                        senderPartnerId,
                        List.of(),
                        messageType.category,
                        new Purpose(
                                WcoTranslator.INBOUND_PURPOSE,
                                "WCO enforcement message from " + senderPartnerId + " on behalf of " + originator),
                        sourceRefs),
                SecurityMarkings.read(child(header, "Marking"), "WCO marking"),
                readContent(content, messageType, senderPartnerId, originator));
    }

    private static Body readContent(Element content, MessageType messageType, String sender, String originator) {
        boolean seizure = messageType == MessageType.SEIZURE;
        List<Subject> subjects = new ArrayList<>();
        List<Association> associations = new ArrayList<>();
        for (Element shipment : children(content, "GoodsShipment")) {
            String id = attribute(shipment, "id");
            subjects.add(readConsignment(shipment, seizure));
            for (Element reference : children(shipment, "PlaceReference")) {
                associations.add(new Association(id, token(reference, "PlaceID"), token(reference, "RoleCode")));
            }
        }
        children(content, "Place").forEach(p -> subjects.add(readPlace(p)));
        Narrative narrative = seizure
                ? ReceivedNarrative.ofSeizure(content, sender, originator)
                : ReceivedNarrative.ofRiskAlert(content);
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
                        .map(EnforcementMessageReader::readParty)
                        .toList(),
                origin == null ? null : CountryCodes.alpha3(token(origin, "CountryCode")),
                route(consignment),
                seizure
                        ? children(shipment, "GovernmentAgencyGoodsItem").stream()
                                .map(EnforcementMessageReader::readGoods)
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
}
