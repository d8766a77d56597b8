package io.borderlink.contracts.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the exchange says. {@code sourceDetails} never leaves the country and {@code internalNotes}
 * never leave the originating agency's domain; partner views are built with the {@code without...}
 * methods.
 */
public record Body(
        List<Subject> subjects,
        List<Association> associations,
        Narrative narrative,
        SourceDetails sourceDetails,
        String internalNotes) {

    public Body {
        subjects = Lists.copy(subjects);
        associations = Lists.copy(associations);
        Objects.requireNonNull(narrative, "narrative");
    }

    public <T extends Subject> List<T> subjects(Class<T> type) {
        return subjects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Replaces the subjects (e.g. generalised ones with the same ids) and keeps the associations as they are. */
    public Body withSubjects(List<Subject> subjects) {
        return new Body(subjects, associations, narrative, sourceDetails, internalNotes);
    }

    public Body withoutSourceDetails() {
        return new Body(subjects, associations, narrative, null, internalNotes);
    }

    public Body withoutInternalNotes() {
        return new Body(subjects, associations, narrative, sourceDetails, null);
    }

    /** Drops the matching subjects and every association that refers to one of them, so no link dangles. */
    public Body withoutSubjects(Predicate<? super Subject> drop) {
        List<Subject> kept = subjects.stream().filter(drop.negate()).toList();
        Set<String> keptIds = kept.stream().map(Subject::id).collect(Collectors.toSet());
        List<Association> links = associations.stream()
                .filter(a -> keptIds.contains(a.fromId()) && keptIds.contains(a.toId()))
                .toList();
        return new Body(kept, links, narrative, sourceDetails, internalNotes);
    }
}
