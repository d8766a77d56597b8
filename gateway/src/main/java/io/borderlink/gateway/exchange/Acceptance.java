package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.Receipt;
import java.util.List;

/** A stored exchange: the receipt for the agency, and the shares that may be delivered right away, with their views. */
public record Acceptance(Receipt receipt, List<ReleasedShare> releasedShares) {

    public Acceptance {
        releasedShares = List.copyOf(releasedShares);
    }
}
