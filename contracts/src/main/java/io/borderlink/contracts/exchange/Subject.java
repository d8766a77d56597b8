package io.borderlink.contracts.exchange;

/** Something the exchange is about. {@link #id()} is local to the document; associations refer to it. */
public sealed interface Subject permits Person, Vehicle, Consignment, Location {

    String id();
}
