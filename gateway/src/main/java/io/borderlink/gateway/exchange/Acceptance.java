package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.Receipt;
import io.borderlink.routes.outbox.Accepted;
import java.util.List;

/**
 * A stored exchange: the receipt for the sender, the decision per recipient (ordered by recipient, as the
 * gateway's signed receipt states them), and the shares that may be delivered right away, with their views.
 */
public record Acceptance(Receipt receipt, List<Decided> decisions, List<ReleasedShare> releasedShares)
        implements Accepted {

    /** One recipient's decision. */
    public record Decided(String recipient, String decision) {}

    public Acceptance {
        decisions = List.copyOf(decisions);
        releasedShares = List.copyOf(releasedShares);
    }
}
