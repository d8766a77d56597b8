package io.borderlink.contracts.samples;

import io.borderlink.contracts.exchange.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * One realistic, unsigned, plaintext exchange per category, valid against exchange-v1.xsd, and what
 * partners send us in their own formats (under {@code /samples/partners/}). Ids and timestamps are
 * fixed; tools re-stamp them before submitting. Each call returns fresh bytes.
 */
public final class Samples {

    private Samples() {}

    public static byte[] wantedPersonFromBorderPolice() {
        return byCategory(Category.WANTED_PERSON);
    }

    public static byte[] missingPersonFromBorderPolice() {
        return byCategory(Category.MISSING_PERSON);
    }

    public static byte[] personAlertFromDefence() {
        return byCategory(Category.PERSON_ALERT);
    }

    public static byte[] vehicleAlertFromBorderPolice() {
        return byCategory(Category.VEHICLE_ALERT);
    }

    public static byte[] borderIncidentFromBorderPolice() {
        return byCategory(Category.BORDER_INCIDENT);
    }

    public static byte[] seizureReportFromCustoms() {
        return byCategory(Category.SEIZURE_REPORT);
    }

    public static byte[] customsRiskAlertFromCustoms() {
        return byCategory(Category.CUSTOMS_RISK_ALERT);
    }

    public static byte[] wildlifeTraffickingFromCustoms() {
        return byCategory(Category.WILDLIFE_TRAFFICKING);
    }

    /** A liaison message from the Russian office, decrypted and unsigned (liaison-v1.xsd). */
    public static byte[] vehicleAlertFromRuLiaison() {
        return read("/samples/partners/vehicle-alert-from-ru-liaison.xml");
    }

    /** An enforcement message from the customs network, decrypted and unsigned (wco-enforcement-v1.xsd). */
    public static byte[] riskAlertFromWcoRilo() {
        return read("/samples/partners/risk-alert-from-wco-rilo.xml");
    }

    /** The sample is {@code /samples/<category in kebab case>.xml}, e.g. {@code wanted-person.xml}. */
    public static byte[] byCategory(Category category) {
        return read("/samples/" + category.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xml");
    }

    private static byte[] read(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample not on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("sample could not be read: " + resource, e);
        }
    }
}
