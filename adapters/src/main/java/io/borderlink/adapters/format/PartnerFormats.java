package io.borderlink.adapters.format;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every format the gateway speaks, by id: the one place that picks the implementation for the
 * {@code format:} of a partner's or agency's file. Nothing else decides by the name of a format
 * (ArchitectureTest).
 */
public final class PartnerFormats {

    private final Map<String, PartnerFormat> byId = new TreeMap<>();

    public PartnerFormats(Collection<? extends PartnerFormat> formats) {
        for (PartnerFormat format : formats) {
            PartnerFormat previous = byId.putIfAbsent(format.id(), format);
            if (previous != null) {
                throw new IllegalStateException("two formats are registered as " + format.id() + ": "
                        + previous.getClass().getName() + " and "
                        + format.getClass().getName());
            }
        }
    }

    /** The format a configuration file names; an unknown name is refused with the names known. */
    public PartnerFormat get(String id) {
        PartnerFormat format = byId.get(id);
        if (format == null) {
            throw new IllegalArgumentException("unknown format " + id + "; the formats are " + byId.keySet());
        }
        return format;
    }
}
