package io.borderlink.adapters.interpol;

import io.borderlink.adapters.format.Countries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a sweep of a notice list into queries that each match at most {@link #cap()} notices, the
 * most one query can page through (docs/partner-formats.md, INTERPOL), the way the OpenSanctions crawler does.
 *
 * <p>The poller runs {@link #root}, and for every query it has run asks {@link #refine} with the
 * {@code total} the API answered; it runs the sub-queries it gets back in turn, until none is left.
 * A query over the cap is split on the first dimension it does not yet constrain: sex (F, M, U); then
 * age, by halving the band down to single years; then nationality; then, on the red list, the
 * warrant's issuing country; then the length of the name ({@code ^.{n}$}). The UN list filters on
 * name only, so only the last applies there. When nothing is left to split on, {@link
 * Refinement#unreachable()} says how many notices the query may have left out.
 *
 * <p>Sub-queries partition their parent only among notices that have the attribute: a notice without
 * a birth date is not in any age band. Such notices are still reached through the first
 * {@link #cap()} results of the parent, which the poller keeps; results overlap, and the poller
 * de-duplicates them on {@code entity_id}. [UNVERIFIED] that the {@code name} parameter takes
 * regular expressions: the OpenSanctions crawler relies on it.
 */
public final class NoticeQueryPlan {

    public static final int MAX_RESULTS = 160;
    public static final int MIN_AGE = 0;
    /** The OpenSanctions crawler's upper bound: ages above 120 come from implausible birth dates, which still count. */
    public static final int MAX_AGE = 300;
    /** Names of up to this many characters get one query each; longer ones share the last. */
    public static final int MAX_NAME_LENGTH = 80;

    private static final List<String> SEXES = List.of("F", "M", "U");

    private final int cap;
    private final int minAge;
    private final int maxAge;
    private final int maxNameLength;
    private final List<String> countries;

    public NoticeQueryPlan(int cap, int minAge, int maxAge, int maxNameLength, List<String> countries) {
        this.cap = cap;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.maxNameLength = maxNameLength;
        this.countries = List.copyOf(countries);
    }

    /** The cap of 160, ages 0 to 300, names up to 80 characters, and every alpha-2 code of {@link Countries}. */
    public static NoticeQueryPlan standard() {
        return new NoticeQueryPlan(MAX_RESULTS, MIN_AGE, MAX_AGE, MAX_NAME_LENGTH, Countries.alpha2Codes());
    }

    public int cap() {
        return cap;
    }

    /** The whole list, one page of {@link #cap()} results per query. */
    public NoticeQuery root(NoticeType type) {
        return NoticeQuery.all(type, cap);
    }

    /** What to do after running {@code query} and learning that {@code total} notices match it. */
    public Refinement refine(NoticeQuery query, int total) {
        if (total <= cap) {
            return Refinement.COMPLETE;
        }
        if (query.type() != NoticeType.UN) {
            if (query.sexId() == null) {
                return split(SEXES.stream().map(query::withSexId).toList());
            }
            if (query.ageMin() == null) {
                return split(halves(query, minAge, maxAge));
            }
            if (query.ageMin() < query.ageMax()) {
                return split(halves(query, query.ageMin(), query.ageMax()));
            }
            if (query.nationality() == null) {
                return split(countries.stream().map(query::withNationality).toList());
            }
            if (query.type() == NoticeType.RED && query.arrestWarrantCountryId() == null) {
                return split(countries.stream()
                        .map(query::withArrestWarrantCountryId)
                        .toList());
            }
        }
        if (query.name() == null) {
            List<NoticeQuery> lengths = new ArrayList<>();
            IntStream.rangeClosed(1, maxNameLength).forEach(n -> lengths.add(query.withName("^.{" + n + "}$")));
            lengths.add(query.withName("^.{" + (maxNameLength + 1) + ",}$"));
            return split(lengths);
        }
        return new Refinement(List.of(), total - cap);
    }

    private static List<NoticeQuery> halves(NoticeQuery query, int from, int to) {
        int middle = from + (to - from) / 2;
        return List.of(query.withAges(from, middle), query.withAges(middle + 1, to));
    }

    private static Refinement split(List<NoticeQuery> subQueries) {
        return new Refinement(subQueries, 0);
    }

    /**
     * @param subQueries to run next; empty when the query needs no more splitting
     * @param unreachable how many matching notices no query can reach (total minus cap) when the
     *     query is over the cap and cannot be split further; the poller should report it
     */
    public record Refinement(List<NoticeQuery> subQueries, int unreachable) {

        static final Refinement COMPLETE = new Refinement(List.of(), 0);

        public Refinement {
            subQueries = List.copyOf(subQueries);
        }

        public boolean isComplete() {
            return subQueries.isEmpty() && unreachable == 0;
        }
    }
}
