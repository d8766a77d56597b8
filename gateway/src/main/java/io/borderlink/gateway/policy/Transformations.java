package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.TravelDocument;
import io.borderlink.contracts.exchange.Vehicle;
import io.borderlink.gateway.policy.Policy.Transformation;
import io.borderlink.gateway.policy.Policy.Transformation.Action;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The catalogue of partner-view transformations: which fields a policy may drop, mask or generalise.
 * Each is a pure function of the exchange, so the same exchange under the same policy always gives
 * the same partner view, byte for byte.
 */
public final class Transformations {

    private static final String MASK = "***";

    /** Field → the actions it supports. A policy naming anything else is refused when it is loaded. */
    public static final Map<String, Set<Action>> FIELDS = Map.ofEntries(
            Map.entry("persons", Set.of(Action.DROP)),
            Map.entry("persons.names", Set.of(Action.MASK)),
            Map.entry("persons.aliases", Set.of(Action.DROP)),
            Map.entry("persons.date-of-birth", Set.of(Action.DROP, Action.GENERALISE)),
            Map.entry("persons.place-of-birth", Set.of(Action.DROP)),
            Map.entry("persons.documents", Set.of(Action.DROP)),
            Map.entry("persons.documents.number", Set.of(Action.MASK)),
            Map.entry("vehicles", Set.of(Action.DROP)),
            Map.entry("vehicles.plate", Set.of(Action.MASK)),
            Map.entry("vehicles.vin", Set.of(Action.DROP, Action.MASK)),
            Map.entry("locations.coordinates", Set.of(Action.DROP, Action.GENERALISE)),
            Map.entry("locations.description", Set.of(Action.DROP)),
            Map.entry("consignments.declarant", Set.of(Action.DROP)),
            Map.entry("consignments.parties", Set.of(Action.DROP)),
            Map.entry("source-refs", Set.of(Action.DROP)),
            Map.entry("foreign-marking", Set.of(Action.DROP)));

    private Transformations() {}

    /** Why a transformation cannot be applied, or null when it can. */
    static String problem(Transformation t) {
        Set<Action> supported = FIELDS.get(t.field());
        if (supported == null) {
            return "unknown field '" + t.field() + "'; known fields: "
                    + FIELDS.keySet().stream().sorted().toList();
        }
        if (!supported.contains(t.action())) {
            return t.field() + " supports " + supported + ", not " + t.action();
        }
        boolean needsGrid = t.action() == Action.GENERALISE && t.field().equals("locations.coordinates");
        if (needsGrid && (t.grid() == null || t.grid().signum() <= 0)) {
            return "generalising coordinates needs a positive grid (degrees)";
        }
        return null;
    }

    static Exchange apply(Transformation t, Exchange e) {
        return switch (t.field() + ":" + t.action()) {
            case "persons:DROP" -> body(e, e.body().withoutSubjects(s -> s instanceof Person));
            case "persons.names:MASK" ->
                persons(
                        e,
                        p -> new Person(
                                p.id(),
                                mask(p.surname()),
                                mask(p.givenNames()),
                                null,
                                List.of(),
                                p.dateOfBirth(),
                                p.sex(),
                                p.nationalities(),
                                p.placeOfBirth(),
                                p.documents()));
            case "persons.aliases:DROP" ->
                persons(
                        e,
                        p -> new Person(
                                p.id(),
                                p.surname(),
                                p.givenNames(),
                                p.nameInOriginalScript(),
                                List.of(),
                                p.dateOfBirth(),
                                p.sex(),
                                p.nationalities(),
                                p.placeOfBirth(),
                                p.documents()));
            case "persons.date-of-birth:DROP" -> persons(e, p -> p.withDateOfBirth(null));
            case "persons.date-of-birth:GENERALISE" ->
                persons(
                        e,
                        p -> p.dateOfBirth() == null
                                ? p
                                : p.withDateOfBirth(p.dateOfBirth().yearOnly()));
            case "persons.place-of-birth:DROP" ->
                persons(
                        e,
                        p -> new Person(
                                p.id(),
                                p.surname(),
                                p.givenNames(),
                                p.nameInOriginalScript(),
                                p.aliases(),
                                p.dateOfBirth(),
                                p.sex(),
                                p.nationalities(),
                                null,
                                p.documents()));
            case "persons.documents:DROP" -> persons(e, p -> documents(p, List.of()));
            case "persons.documents.number:MASK" ->
                persons(
                        e,
                        p -> documents(
                                p,
                                p.documents().stream()
                                        .map(d -> new TravelDocument(
                                                d.icaoType(), maskKeepingEnd(d.number()), d.issuingState(), d.expiry()))
                                        .toList()));
            case "vehicles:DROP" -> body(e, e.body().withoutSubjects(s -> s instanceof Vehicle));
            case "vehicles.plate:MASK" ->
                vehicles(
                        e,
                        v -> new Vehicle(
                                v.id(),
                                maskKeepingEnd(v.plate()),
                                v.plateCountry(),
                                v.vin(),
                                v.make(),
                                v.model(),
                                v.colour()));
            case "vehicles.vin:DROP" ->
                vehicles(
                        e,
                        v -> new Vehicle(v.id(), v.plate(), v.plateCountry(), null, v.make(), v.model(), v.colour()));
            case "vehicles.vin:MASK" ->
                vehicles(
                        e,
                        v -> new Vehicle(
                                v.id(),
                                v.plate(),
                                v.plateCountry(),
                                maskKeepingEnd(v.vin()),
                                v.make(),
                                v.model(),
                                v.colour()));
            case "locations.coordinates:DROP" -> locations(e, l -> l.withCoordinates(null, null));
            case "locations.coordinates:GENERALISE" ->
                locations(
                        e,
                        l -> l.latitude() == null
                                ? l
                                : l.withCoordinates(toGrid(l.latitude(), t.grid()), toGrid(l.longitude(), t.grid())));
            case "locations.description:DROP" ->
                locations(
                        e,
                        l -> new Location(
                                l.id(), l.latitude(), l.longitude(), l.borderCrossingPoint(), l.country(), null));
            case "consignments.declarant:DROP" ->
                consignments(
                        e,
                        c -> new Consignment(
                                c.id(),
                                c.hsCode(),
                                c.containerNumbers(),
                                c.conveyanceId(),
                                null,
                                c.parties(),
                                c.origin(),
                                c.route(),
                                c.seizedGoods(),
                                c.detectionMethod(),
                                c.concealmentMethod()));
            case "consignments.parties:DROP" ->
                consignments(
                        e,
                        c -> new Consignment(
                                c.id(),
                                c.hsCode(),
                                c.containerNumbers(),
                                c.conveyanceId(),
                                c.declarant(),
                                List.of(),
                                c.origin(),
                                c.route(),
                                c.seizedGoods(),
                                c.detectionMethod(),
                                c.concealmentMethod()));
            case "source-refs:DROP" -> {
                Header h = e.header();
                yield new Exchange(
                        new Header(
                                h.exchangeId(),
                                h.correlationId(),
                                h.createdAt(),
                                h.originator(),
                                h.addressees(),
                                h.category(),
                                h.purpose(),
                                List.of()),
                        e.markings(),
                        e.body());
            }
            case "foreign-marking:DROP" -> {
                Markings m = e.markings();
                yield e.withMarkings(new Markings(
                        m.classification(),
                        m.tlp(),
                        m.releasableTo(),
                        m.handlingCode(),
                        m.handlingConditions(),
                        m.sourceReliability(),
                        m.informationAccuracy(),
                        null));
            }
            default -> throw new IllegalArgumentException("unsupported transformation " + t);
        };
    }

    /** Source details never leave the country. */
    static Exchange withoutSourceDetails(Exchange e) {
        return body(e, e.body().withoutSourceDetails());
    }

    /** Internal notes never leave the originating agency. */
    static Exchange withoutInternalNotes(Exchange e) {
        return body(e, e.body().withoutInternalNotes());
    }

    /** The south-west corner of the grid cell, so that nearby points share one generalised position. */
    static BigDecimal toGrid(BigDecimal degrees, BigDecimal grid) {
        return degrees.divide(grid, 0, RoundingMode.FLOOR).multiply(grid).stripTrailingZeros();
    }

    private static String mask(String value) {
        return value == null || value.isEmpty() ? value : value.charAt(0) + MASK;
    }

    private static String maskKeepingEnd(String value) {
        return value == null || value.length() <= 3 ? MASK : MASK + value.substring(value.length() - 3);
    }

    private static Person documents(Person p, List<TravelDocument> documents) {
        return new Person(
                p.id(),
                p.surname(),
                p.givenNames(),
                p.nameInOriginalScript(),
                p.aliases(),
                p.dateOfBirth(),
                p.sex(),
                p.nationalities(),
                p.placeOfBirth(),
                documents);
    }

    private static Exchange persons(Exchange e, UnaryOperator<Person> change) {
        return subjects(e, Person.class, change);
    }

    private static Exchange vehicles(Exchange e, UnaryOperator<Vehicle> change) {
        return subjects(e, Vehicle.class, change);
    }

    private static Exchange locations(Exchange e, UnaryOperator<Location> change) {
        return subjects(e, Location.class, change);
    }

    private static Exchange consignments(Exchange e, UnaryOperator<Consignment> change) {
        return subjects(e, Consignment.class, change);
    }

    private static <T extends Subject> Exchange subjects(Exchange e, Class<T> type, UnaryOperator<T> change) {
        List<Subject> changed = e.body().subjects().stream()
                .map(s -> type.isInstance(s) ? (Subject) change.apply(type.cast(s)) : s)
                .toList();
        return body(e, e.body().withSubjects(changed));
    }

    private static Exchange body(Exchange e, Body body) {
        return e.withBody(body);
    }
}
