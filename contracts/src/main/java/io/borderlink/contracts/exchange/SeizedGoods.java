package io.borderlink.contracts.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.math.BigDecimal;
import java.util.Objects;

/** Seized goods; a quantity always comes with its UN/ECE Rec. 20 unit (KGM, H87, LTR). */
public record SeizedGoods(String description, String commodityCategory, BigDecimal quantity, String unit) {

    public SeizedGoods {
        Objects.requireNonNull(description, "description");
        if ((quantity == null) != (unit == null)) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "a seized quantity needs a unit and a unit a quantity");
        }
    }
}
