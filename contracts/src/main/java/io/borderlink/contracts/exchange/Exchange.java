package io.borderlink.contracts.exchange;

import java.util.Objects;

/** One canonical exchange (exchange-v1.xsd); {@link ExchangeXml} reads and writes it. */
public record Exchange(Header header, Markings markings, Body body) {

    public Exchange {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(markings, "markings");
        Objects.requireNonNull(body, "body");
    }

    public Exchange withBody(Body body) {
        return new Exchange(header, markings, body);
    }

    public Exchange withMarkings(Markings markings) {
        return new Exchange(header, markings, body);
    }

    public Exchange withHeader(Header header) {
        return new Exchange(header, markings, body);
    }
}
