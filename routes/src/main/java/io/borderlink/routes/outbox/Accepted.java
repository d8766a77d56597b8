package io.borderlink.routes.outbox;

import io.borderlink.contracts.api.Receipt;
import java.util.List;
import org.apache.camel.Expression;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * What an intake's persist step answers, as the routes read it: the receipt for the sender, and the shares
 * released at acceptance, each handed to {@link OutboxRoutes#DELIVER}. The routes read it through this type
 * ({@link #releasedShares}, {@link #receipt}) rather than a simple expression such as {@code ${body.receipt}}:
 * Camel evaluates one of those by building a bean expression for every message, cached under the body itself,
 * which hashes the whole exchange each time and keeps the latest ones reachable.
 */
public interface Accepted {

    Receipt receipt();

    List<?> releasedShares();

    /** Each share released at acceptance, one at a time (for a splitter). */
    static Expression shares() {
        return ExpressionBuilder.bodyExpression(Accepted.class, Accepted::releasedShares);
    }

    /** The receipt for the sender. */
    static Expression receiptOf() {
        return ExpressionBuilder.bodyExpression(Accepted.class, Accepted::receipt);
    }
}
