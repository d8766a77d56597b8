package io.borderlink.adapters.wco;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;

import io.borderlink.adapters.format.ReleasedNarrative;
import io.borderlink.adapters.format.SecurityMarkings;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SeizedGoods;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.Vehicle;
import io.borderlink.contracts.xml.SecureXml;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Canonical → WCO: writes a partner view as a non-nominal EnforcementMessage. Everything that decides
 * what may leave for the customs network (no persons, vehicles or parties, names withheld from free
 * text, which places go) lives here, apart from reading, which trusts nothing it is sent; the rules
 * are listed on {@link WcoTranslator}.
 */
final class EnforcementMessageWriter {

    private static final String TARIFF_CODE = "TSP";

    private EnforcementMessageWriter() {}

    static Document write(
            Exchange partnerView, UUID messageId, String gatewayId, String recipientPartnerId, Instant created) {
        Category category = partnerView.header().category();
        MessageType messageType = MessageType.of(category);
        Body body = partnerView.body();
        if (messageType == MessageType.SEIZURE
                && body.subjects(Consignment.class).isEmpty()) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "a seizure report for the WCO needs at least one consignment");
        }
        Document doc = SecureXml.newDocument();
        doc.setXmlStandalone(true);
        Element message = doc.createElementNS(WcoTranslator.NAMESPACE, "EnforcementMessage");
        doc.appendChild(message);

        Element header = append(message, "Header");
        appendText(header, "MessageId", messageId.toString());
        appendText(header, "CorrelationId", partnerView.header().correlationId().toString());
        appendText(header, "Created", created.toString());
        appendText(header, "From", gatewayId);
        appendText(header, "To", recipientPartnerId);
        appendText(header, "MessageType", messageType.name());
        appendText(header, "Originator", partnerView.header().originator());
        SecurityMarkings.write(append(header, "Marking"), partnerView.markings());

        Element report = append(message, WcoTranslator.REPORT.getLocalPart());
        Declarations.write(report, partnerView.header().sourceRefs());
        WithheldNames names = WithheldNames.of(body);
        Element content = append(report, messageType.content);
        if (messageType == MessageType.RISK_ALERT) {
            Element indicators = append(content, "RiskIndicators");
            Narrative narrative = ReleasedNarrative.of(body);
            indicators.setAttributeNS(null, "languageID", narrative.lang());
            indicators.setTextContent(names.scrub(narrative.text()));
        }
        writeContent(content, body, category, names);
        return doc;
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

    /** Locations linked to a consignment, or to no person and no vehicle (see {@link WcoTranslator}). */
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
            return WcoTranslator.WILDLIFE_COMMODITY;
        }
        return goods.commodityCategory();
    }

    private static Set<String> ids(List<? extends Subject> subjects) {
        return subjects.stream().map(Subject::id).collect(Collectors.toSet());
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
