package io.borderlink.contracts.exchange;

import java.util.Objects;

/** A vehicle; the plate is kept in its own script. */
public record Vehicle(
        String id, String plate, String plateCountry, String vin, String make, String model, String colour)
        implements Subject {

    public Vehicle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(plateCountry, "plateCountry");
    }
}
