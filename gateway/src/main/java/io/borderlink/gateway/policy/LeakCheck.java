package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Party;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SourceDetails;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.TravelDocument;
import io.borderlink.contracts.exchange.Vehicle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the policy removed from the structured fields for one partner, collected rule by rule as the
 * partner view is built, and the check of a text about to leave against it. A hit names the kind of value
 * and the rule that removed it, never the value. What it can find is in {@link LeakProbe} and
 * {@link RemovedText}; docs/tearlines.md says what it cannot.
 */
final class LeakCheck {

    private final List<LeakProbe> probes = new ArrayList<>();

    /**
     * Adds what one rule removed, by comparing the exchange before and after it.
     *
     * @param grid for a rule that generalised coordinates, the grid in degrees; null otherwise
     */
    void removedBy(String rule, Exchange before, Exchange after, BigDecimal grid) {
        Map<String, Subject> kept =
                after.body().subjects().stream().collect(Collectors.toMap(Subject::id, Function.identity()));
        for (Subject subject : before.body().subjects()) {
            Subject now = kept.get(subject.id());
            if (subject instanceof Person p) {
                person(rule, p, (Person) now);
            } else if (subject instanceof Vehicle v) {
                vehicle(rule, v, (Vehicle) now);
            } else if (subject instanceof Location l) {
                location(rule, l, (Location) now, grid);
            } else if (subject instanceof Consignment c) {
                consignment(rule, c, (Consignment) now);
            }
        }
        for (SourceRef ref : before.header().sourceRefs()) {
            if (!after.header().sourceRefs().contains(ref)) {
                code(LeakKind.SOURCE_REFERENCE, rule, ref.id());
            }
        }
        body(rule, before.body(), after.body());
    }

    boolean isEmpty() {
        return probes.isEmpty();
    }

    /** The kinds found in the text, each with the rule that removed the value, once each, in probe order. */
    List<LeakHit> check(String text, Exchange view) {
        if (probes.isEmpty() || text == null || text.isBlank()) {
            return List.of();
        }
        FreeText checked = FreeText.of(text);
        FreeText kept = FreeText.of(RemovedText.keptIn(view));
        Set<LeakHit> hits = new LinkedHashSet<>();
        for (LeakProbe probe : probes) {
            LeakHit hit = new LeakHit(probe.kind(), probe.rule());
            if (!hits.contains(hit) && probe.foundIn(checked, kept)) {
                hits.add(hit);
            }
        }
        return List.copyOf(hits);
    }

    private void person(String rule, Person before, Person after) {
        Set<String> namesNow = after == null
                ? Set.of()
                : Stream.concat(
                                Stream.of(after.surname(), after.givenNames(), after.nameInOriginalScript()),
                                after.aliases().stream())
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet());
        Stream.concat(
                        Stream.of(before.surname(), before.givenNames(), before.nameInOriginalScript()),
                        before.aliases().stream())
                .filter(name -> name != null && !namesNow.contains(name))
                .forEach(name -> name(LeakKind.PERSON_NAME, rule, name));
        Set<String> numbersNow = after == null
                ? Set.of()
                : after.documents().stream().map(TravelDocument::number).collect(Collectors.toSet());
        before.documents().stream()
                .map(TravelDocument::number)
                .filter(number -> !numbersNow.contains(number))
                .forEach(number -> code(LeakKind.DOCUMENT_NUMBER, rule, number));
        if (before.placeOfBirth() != null
                && (after == null || !before.placeOfBirth().equals(after.placeOfBirth()))) {
            RemovedText.placeNames(before.placeOfBirth())
                    .forEach(place -> probes.add(new LeakProbe.Words(LeakKind.PLACE_NAME, rule, place)));
        }
        if (before.dateOfBirth() != null
                && before.dateOfBirth().month() != null
                && (after == null || !before.dateOfBirth().equals(after.dateOfBirth()))) {
            probes.add(LeakProbe.BirthDate.of(rule, before.dateOfBirth()));
        }
    }

    private void vehicle(String rule, Vehicle before, Vehicle after) {
        if (after == null || !before.plate().equals(after.plate())) {
            code(LeakKind.VEHICLE_ID, rule, before.plate());
        }
        if (before.vin() != null && (after == null || !before.vin().equals(after.vin()))) {
            code(LeakKind.VEHICLE_ID, rule, before.vin());
        }
    }

    private void location(String rule, Location before, Location after, BigDecimal grid) {
        boolean moved = before.latitude() != null
                && (after == null
                        || after.latitude() == null
                        || before.latitude().compareTo(after.latitude()) != 0
                        || before.longitude().compareTo(after.longitude()) != 0);
        if (moved) {
            BigDecimal kept = after == null || after.latitude() == null ? null : grid;
            probes.add(new LeakProbe.Position(rule, before.latitude(), before.longitude(), kept));
            probes.add(new LeakProbe.Distance(rule, kept));
        }
        if (before.description() != null && (after == null || after.description() == null)) {
            RemovedText.placeNames(before.description())
                    .forEach(place -> probes.add(new LeakProbe.Words(LeakKind.PLACE_NAME, rule, place)));
            RemovedText.phrases(before.description())
                    .forEach(phrase -> probes.add(new LeakProbe.Words(LeakKind.LOCATION_DESCRIPTION, rule, phrase)));
        }
    }

    private void consignment(String rule, Consignment before, Consignment after) {
        if (before.declarant() != null && (after == null || after.declarant() == null)) {
            party(rule, before.declarant());
        }
        List<Party> partiesNow = after == null ? List.of() : after.parties();
        before.parties().stream()
                .filter(party -> !partiesNow.contains(party))
                .forEach(party -> party(rule, party.name()));
    }

    private void body(String rule, Body before, Body after) {
        SourceDetails source = before.sourceDetails();
        if (source != null && after.sourceDetails() == null) {
            if (source.name() != null) {
                name(LeakKind.SOURCE_DETAIL, rule, source.name());
            }
            if (source.sourceCode() != null) {
                RemovedText.codeParts(source.sourceCode()).forEach(part -> code(LeakKind.SOURCE_DETAIL, rule, part));
            }
            if (source.handler() != null) {
                RemovedText.handlerName(source.handler())
                        .forEach(word -> probes.add(new LeakProbe.Words(LeakKind.SOURCE_DETAIL, rule, List.of(word))));
            }
        }
        if (before.internalNotes() != null && after.internalNotes() == null) {
            RemovedText.phrases(before.internalNotes())
                    .forEach(phrase -> probes.add(new LeakProbe.Words(LeakKind.INTERNAL_NOTE, rule, phrase)));
            RemovedText.references(before.internalNotes())
                    .forEach(reference -> code(LeakKind.INTERNAL_NOTE, rule, reference));
        }
    }

    /** A name: in ideographs as a whole, otherwise word by word (initials and two-letter words aside). */
    private void name(LeakKind kind, String rule, String name) {
        if (RemovedText.isIdeographic(name)) {
            probes.add(new LeakProbe.Ideographs(kind, rule, FreeText.plain(name)));
            return;
        }
        RemovedText.nameWords(name).forEach(word -> probes.add(new LeakProbe.Words(kind, rule, List.of(word))));
    }

    private void party(String rule, String name) {
        List<String> distinctive = RemovedText.partyWords(name);
        if (!distinctive.isEmpty()) {
            probes.add(new LeakProbe.Words(LeakKind.PARTY_NAME, rule, distinctive));
        }
    }

    private void code(LeakKind kind, String rule, String value) {
        List<String> forms = FreeText.compacts(value);
        if (forms.get(0).length() >= RemovedText.MIN_CODE) {
            probes.add(new LeakProbe.Code(kind, rule, forms));
        }
    }
}
