package io.borderlink.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The exchange header. An empty {@code addressees} list means "route by policy". The schema version
 * is not a field: it is fixed by the namespace and written as {@link ExchangeXml#SCHEMA_VERSION}.
 */
public record Header(
        UUID exchangeId,
        UUID correlationId,
        Instant createdAt,
        String originator,
        List<String> addressees,
        Category category,
        Purpose purpose,
        List<SourceRef> sourceRefs) {

    public Header {
        Objects.requireNonNull(exchangeId, "exchangeId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(originator, "originator");
        addressees = Lists.copy(addressees);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(purpose, "purpose");
        sourceRefs = Lists.copy(sourceRefs);
    }

    /** The same header, addressed to these partners instead (empty: route by policy). */
    public Header withAddressees(List<String> addressees) {
        return new Header(exchangeId, correlationId, createdAt, originator, addressees, category, purpose, sourceRefs);
    }
}
