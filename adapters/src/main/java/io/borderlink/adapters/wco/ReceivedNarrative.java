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

import io.borderlink.contracts.exchange.Narrative;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import org.w3c.dom.Element;

/**
 * The narrative of a received WCO message, put into words here because the canonical model has no
 * field for part of what the message says: a seizure has no free text at all, and an alert's goods
 * items are suspected, not seized, so they are no seized goods.
 */
final class ReceivedNarrative {

    private ReceivedNarrative() {}

    /** A seizure's fields said in English: who reported it, when, where, what and how it was found. */
    static Narrative ofSeizure(Element seizure, String sender, String originator) {
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
        return new Narrative(summary.toString(), "en");
    }

    /** The risk indicators as written, in their language, followed by the suspected goods. */
    static Narrative ofRiskAlert(Element alert) {
        Element indicators = child(alert, "RiskIndicators");
        return new Narrative(
                indicators.getTextContent() + suspectedGoods(children(alert, "GoodsShipment")),
                attribute(indicators, "languageID"));
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
}
