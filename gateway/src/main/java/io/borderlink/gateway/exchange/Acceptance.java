package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.Receipt;
import java.util.List;
import java.util.UUID;

/** A stored exchange: the receipt for the agency, and the shares that may be delivered right away. */
public record Acceptance(Receipt receipt, List<UUID> releasedShares) {

    public Acceptance {
        releasedShares = List.copyOf(releasedShares);
    }
}
