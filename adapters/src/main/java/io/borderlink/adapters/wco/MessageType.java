package io.borderlink.adapters.wco;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Category;

/**
 * The two WCO message types, each with the Report element that holds its content and the canonical
 * category it is read as: the writer and the reader agree on them here, in one table.
 */
enum MessageType {
    SEIZURE("Seizure", Category.SEIZURE_REPORT),
    RISK_ALERT("RiskAlert", Category.CUSTOMS_RISK_ALERT);

    /** The child of Report that holds a message of this type. */
    final String content;
    /** What a received message of this type becomes. */
    final Category category;

    MessageType(String content, Category category) {
        this.content = content;
        this.category = category;
    }

    /** A wildlife seizure goes out as a SEIZURE; a category without a WCO type may not go at all. */
    static MessageType of(Category category) {
        return switch (category) {
            case SEIZURE_REPORT, WILDLIFE_TRAFFICKING -> SEIZURE;
            case CUSTOMS_RISK_ALERT -> RISK_ALERT;
            default ->
                throw new GatewayException(
                        ErrorCode.INTERNAL_ERROR,
                        "the WCO format has no message type for " + category + "; no WCO partner may receive it");
        };
    }
}
