package io.borderlink.adapters.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way the formats read JSON a partner wrote (notices, signed receipt statements): explicit bounds, as
 * the gateway's own JSON has (the defaults of {@code borderlink.web}), rather than whatever the Jackson version
 * in use defaults to, and a duplicate key refused, since two readers could take different values from it.
 */
public final class PartnerJson {

    private static final StreamReadConstraints BOUNDS = StreamReadConstraints.builder()
            .maxStringLength(2_000_000)
            .maxNestingDepth(64)
            .maxNumberLength(100)
            .build();

    private PartnerJson() {}

    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(BOUNDS);
        return mapper;
    }
}
