package io.borderlink.contracts.exchange;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the exchange says. {@code sourceDetails} never leaves the country and {@code internalNotes}
 * never leave the originating agency's domain; partner views are built with the {@code without...}
 * methods. {@code narrative} is the originator's own text, absent in a partner view that gets none;
 * {@code tearlines} are the versions of it written for release, which a partner view never lists (the
 * one meant for the partner becomes its narrative).
 */
public record Body(
        List<Subject> subjects,
        List<Association> associations,
        Narrative narrative,
        List<Tearline> tearlines,
        SourceDetails sourceDetails,
        String internalNotes) {

    public Body {
        subjects = Lists.copy(subjects);
        associations = Lists.copy(associations);
        tearlines = Lists.copy(tearlines);
    }

    /** A body without tearlines, as every exchange was before they were added. */
    public Body(
            List<Subject> subjects,
            List<Association> associations,
            Narrative narrative,
            SourceDetails sourceDetails,
            String internalNotes) {
        this(subjects, associations, narrative, List.of(), sourceDetails, internalNotes);
    }

    public <T extends Subject> List<T> subjects(Class<T> type) {
        return subjects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Replaces the subjects (e.g. generalised ones with the same ids) and keeps the associations as they are. */
    public Body withSubjects(List<Subject> subjects) {
        return new Body(subjects, associations, narrative, tearlines, sourceDetails, internalNotes);
    }

    public Body withoutSourceDetails() {
        return new Body(subjects, associations, narrative, tearlines, null, internalNotes);
    }

    public Body withoutInternalNotes() {
        return new Body(subjects, associations, narrative, tearlines, sourceDetails, null);
    }

    /** The text a recipient gets in place of everything written (null for none), and no tearlines. */
    public Body withReleasedNarrative(Narrative released) {
        return new Body(subjects, associations, released, List.of(), sourceDetails, internalNotes);
    }

    /** Replaces the narrative and the tearlines, as the author would have written them. */
    public Body withNarrative(Narrative narrative, List<Tearline> tearlines) {
        return new Body(subjects, associations, narrative, tearlines, sourceDetails, internalNotes);
    }

    /** Drops the matching subjects and every association that refers to one of them, so no link dangles. */
    public Body withoutSubjects(Predicate<? super Subject> drop) {
        List<Subject> kept = subjects.stream().filter(drop.negate()).toList();
        Set<String> keptIds = kept.stream().map(Subject::id).collect(Collectors.toSet());
        List<Association> links = associations.stream()
                .filter(a -> keptIds.contains(a.fromId()) && keptIds.contains(a.toId()))
                .toList();
        return new Body(kept, links, narrative, tearlines, sourceDetails, internalNotes);
    }
}
