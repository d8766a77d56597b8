package io.borderlink.contracts.exchange;

import java.util.List;
import java.util.Objects;

/** Goods on the move: customs identifiers, parties, route and what was seized. */
public record Consignment(
        String id,
        String hsCode,
        List<String> containerNumbers,
        String conveyanceId,
        String declarant,
        List<Party> parties,
        String origin,
        List<String> route,
        List<SeizedGoods> seizedGoods,
        String detectionMethod,
        String concealmentMethod)
        implements Subject {

    public Consignment {
        Objects.requireNonNull(id, "id");
        containerNumbers = Lists.copy(containerNumbers);
        parties = Lists.copy(parties);
        route = Lists.copy(route);
        seizedGoods = Lists.copy(seizedGoods);
    }
}
