package io.borderlink.contracts.exchange;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.attribute;
import static io.borderlink.contracts.xml.Dom.children;
import static io.borderlink.contracts.xml.Dom.optionalChild;
import static io.borderlink.contracts.xml.Dom.optionalText;
import static io.borderlink.contracts.xml.Dom.optionalToken;
import static io.borderlink.contracts.xml.Dom.optionalValue;
import static io.borderlink.contracts.xml.Dom.text;
import static io.borderlink.contracts.xml.Dom.token;
import static io.borderlink.contracts.xml.Dom.tokens;
import static io.borderlink.contracts.xml.Dom.value;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.w3c.dom.Element;

/** The subjects of an exchange's Body (persons, vehicles, consignments, locations), for {@link ExchangeXml}. */
final class SubjectXml {

    private SubjectXml() {}

    /** One child of {@code Subjects}, which {@link ExchangeXml} has checked is in the exchange namespace. */
    static Subject read(Element s) {
        return switch (s.getLocalName()) {
            case "Person" -> readPerson(s);
            case "Vehicle" -> readVehicle(s);
            case "Consignment" -> readConsignment(s);
            case "Location" -> readLocation(s);
            default ->
                throw new GatewayException(
                        ErrorCode.SCHEMA_INVALID, "Subjects/" + s.getLocalName() + " is not a subject");
        };
    }

    static void write(Element subjects, Subject subject) {
        if (subject instanceof Person p) {
            writePerson(append(subjects, "Person"), p);
        } else if (subject instanceof Vehicle v) {
            writeVehicle(append(subjects, "Vehicle"), v);
        } else if (subject instanceof Consignment c) {
            writeConsignment(append(subjects, "Consignment"), c);
        } else if (subject instanceof Location l) {
            writeLocation(append(subjects, "Location"), l);
        }
    }

    private static Person readPerson(Element p) {
        return new Person(
                attribute(p, "id"),
                text(p, "Surname"),
                optionalText(p, "GivenNames"),
                optionalText(p, "NameInOriginalScript"),
                children(p, "Alias").stream().map(Element::getTextContent).toList(),
                optionalValue(p, "DateOfBirth", PartialDate::parse),
                value(p, "Sex", Sex::valueOf),
                tokens(p, "Nationality"),
                optionalText(p, "PlaceOfBirth"),
                children(p, "Document").stream()
                        .map(d -> new TravelDocument(
                                token(d, "IcaoType"),
                                token(d, "Number"),
                                token(d, "IssuingState"),
                                optionalValue(d, "Expiry", LocalDate::parse)))
                        .toList());
    }

    private static void writePerson(Element p, Person person) {
        p.setAttributeNS(null, "id", person.id());
        appendText(p, "Surname", person.surname());
        appendText(p, "GivenNames", person.givenNames());
        appendText(p, "NameInOriginalScript", person.nameInOriginalScript());
        person.aliases().forEach(alias -> appendText(p, "Alias", alias));
        appendText(p, "DateOfBirth", string(person.dateOfBirth()));
        appendText(p, "Sex", person.sex().name());
        person.nationalities().forEach(n -> appendText(p, "Nationality", n));
        appendText(p, "PlaceOfBirth", person.placeOfBirth());
        for (TravelDocument document : person.documents()) {
            Element d = append(p, "Document");
            appendText(d, "IcaoType", document.icaoType());
            appendText(d, "Number", document.number());
            appendText(d, "IssuingState", document.issuingState());
            appendText(d, "Expiry", string(document.expiry()));
        }
    }

    private static Vehicle readVehicle(Element v) {
        return new Vehicle(
                attribute(v, "id"),
                token(v, "Plate"),
                token(v, "PlateCountry"),
                optionalToken(v, "Vin"),
                optionalText(v, "Make"),
                optionalText(v, "Model"),
                optionalText(v, "Colour"));
    }

    private static void writeVehicle(Element v, Vehicle vehicle) {
        v.setAttributeNS(null, "id", vehicle.id());
        appendText(v, "Plate", vehicle.plate());
        appendText(v, "PlateCountry", vehicle.plateCountry());
        appendText(v, "Vin", vehicle.vin());
        appendText(v, "Make", vehicle.make());
        appendText(v, "Model", vehicle.model());
        appendText(v, "Colour", vehicle.colour());
    }

    private static Consignment readConsignment(Element c) {
        Element route = optionalChild(c, "Route");
        return new Consignment(
                attribute(c, "id"),
                optionalToken(c, "HsCode"),
                tokens(c, "ContainerNumber"),
                optionalText(c, "ConveyanceId"),
                optionalText(c, "Declarant"),
                children(c, "Party").stream()
                        .map(p -> new Party(token(p, "Role"), text(p, "Name")))
                        .toList(),
                optionalToken(c, "Origin"),
                route == null
                        ? List.of()
                        : children(route, "Place").stream()
                                .map(Element::getTextContent)
                                .toList(),
                children(c, "SeizedGoods").stream()
                        .map(g -> new SeizedGoods(
                                text(g, "Description"),
                                optionalToken(g, "CommodityCategory"),
                                optionalValue(g, "Quantity", BigDecimal::new),
                                optionalToken(g, "Unit")))
                        .toList(),
                optionalText(c, "DetectionMethod"),
                optionalText(c, "ConcealmentMethod"));
    }

    private static void writeConsignment(Element c, Consignment consignment) {
        c.setAttributeNS(null, "id", consignment.id());
        appendText(c, "HsCode", consignment.hsCode());
        consignment.containerNumbers().forEach(n -> appendText(c, "ContainerNumber", n));
        appendText(c, "ConveyanceId", consignment.conveyanceId());
        appendText(c, "Declarant", consignment.declarant());
        for (Party party : consignment.parties()) {
            Element p = append(c, "Party");
            appendText(p, "Role", party.role());
            appendText(p, "Name", party.name());
        }
        appendText(c, "Origin", consignment.origin());
        if (!consignment.route().isEmpty()) {
            Element route = append(c, "Route");
            consignment.route().forEach(place -> appendText(route, "Place", place));
        }
        for (SeizedGoods goods : consignment.seizedGoods()) {
            Element g = append(c, "SeizedGoods");
            appendText(g, "Description", goods.description());
            appendText(g, "CommodityCategory", goods.commodityCategory());
            appendText(g, "Quantity", decimal(goods.quantity()));
            appendText(g, "Unit", goods.unit());
        }
        appendText(c, "DetectionMethod", consignment.detectionMethod());
        appendText(c, "ConcealmentMethod", consignment.concealmentMethod());
    }

    private static Location readLocation(Element l) {
        return new Location(
                attribute(l, "id"),
                optionalValue(l, "Latitude", BigDecimal::new),
                optionalValue(l, "Longitude", BigDecimal::new),
                optionalText(l, "BorderCrossingPoint"),
                optionalToken(l, "Country"),
                optionalText(l, "Description"));
    }

    private static void writeLocation(Element l, Location location) {
        l.setAttributeNS(null, "id", location.id());
        appendText(l, "Latitude", decimal(location.latitude()));
        appendText(l, "Longitude", decimal(location.longitude()));
        appendText(l, "BorderCrossingPoint", location.borderCrossingPoint());
        appendText(l, "Country", location.country());
        appendText(l, "Description", location.description());
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
