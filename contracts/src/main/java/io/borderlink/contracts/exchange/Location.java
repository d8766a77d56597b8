package io.borderlink.contracts.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A place. Coordinates are WGS 84 decimal degrees, both or neither; {@link BigDecimal} keeps them
 * exactly as written, so a generalised partner view has a stable digest.
 */
public record Location(
        String id,
        BigDecimal latitude,
        BigDecimal longitude,
        String borderCrossingPoint,
        String country,
        String description)
        implements Subject {

    public Location {
        Objects.requireNonNull(id, "id");
        if ((latitude == null) != (longitude == null)) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "a location has both coordinates or neither");
        }
    }

    public Location withCoordinates(BigDecimal latitude, BigDecimal longitude) {
        return new Location(id, latitude, longitude, borderCrossingPoint, country, description);
    }
}
