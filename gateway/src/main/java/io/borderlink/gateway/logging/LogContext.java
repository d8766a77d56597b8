package io.borderlink.gateway.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * What every log line about an exchange carries: its exchange id, the share, the partner or agency and the
 * step of the flow, as MDC entries (fields of their own in the structured logs, {@code [exchangeId=…]} in the
 * readable ones). The steps of a flow put what they learn here; {@link LogContextPropagation} carries it
 * with the Camel exchange to the steps that follow, on whatever thread they run, and takes it off the
 * thread afterwards. Values are identifiers only, never anything from a document.
 */
public final class LogContext {

    public static final String EXCHANGE_ID = "exchangeId";
    public static final String SHARE_ID = "shareId";
    public static final String PARTNER = "partner";
    public static final String AGENCY = "agency";
    public static final String STEP = "step";

    static final List<String> KEYS = List.of(EXCHANGE_ID, SHARE_ID, PARTNER, AGENCY, STEP);

    private LogContext() {}

    public static void exchange(UUID exchangeId) {
        put(EXCHANGE_ID, exchangeId == null ? null : exchangeId.toString());
    }

    public static void share(UUID shareId) {
        put(SHARE_ID, shareId == null ? null : shareId.toString());
    }

    public static void partner(String partnerId) {
        put(PARTNER, partnerId);
    }

    public static void agency(String agencyId) {
        put(AGENCY, agencyId);
    }

    public static void step(String step) {
        put(STEP, step);
    }

    /** This thread's entries, in key order; empty ones left out. */
    static Map<String, String> current() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = MDC.get(key);
            if (value != null) {
                entries.put(key, value);
            }
        }
        return entries;
    }

    /** Makes {@code entries} this thread's context: the keys it lacks are removed. */
    static void replace(Map<String, String> entries) {
        for (String key : KEYS) {
            put(key, entries.get(key));
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
