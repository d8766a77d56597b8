package io.borderlink.adapters.interpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.borderlink.adapters.format.Countries;
import io.borderlink.adapters.interpol.NoticeQueryPlan.Refinement;
import io.borderlink.contracts.error.GatewayException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoticeQueryPlanTest {

    private final NoticeQueryPlan plan = NoticeQueryPlan.standard();

    /** A red query on nationality, sex and ages, page 2 → parameters in the API's order, the regex URL-encoded. */
    @Test
    void writesQueriesInTheApisParameterOrder() {
        NoticeQuery query = NoticeQuery.all(NoticeType.RED, 160)
                .withSexId("M")
                .withAges(20, 29)
                .withNationality("RU")
                .withArrestWarrantCountryId("MN")
                .withName("^.{7}$");

        assertThat(query.pathAndQuery(2))
                .isEqualTo("red?name=%5E.%7B7%7D%24&nationality=RU&ageMin=20&ageMax=29&sexId=M"
                        + "&arrestWarrantCountryId=MN&resultPerPage=160&page=2");
        assertThat(NoticeQuery.all(NoticeType.UN, 160).pathAndQuery(1))
                .isEqualTo("un/persons?resultPerPage=160&page=1");
    }

    /** Filters a list does not have (sex on UN, warrant country on yellow) or a reversed age band → refused. */
    @Test
    void refusesFiltersTheListDoesNotHave() {
        assertThatThrownBy(() -> NoticeQuery.all(NoticeType.UN, 160).withSexId("F"))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> NoticeQuery.all(NoticeType.YELLOW, 160).withArrestWarrantCountryId("MN"))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> NoticeQuery.all(NoticeType.RED, 160).withAges(40, 30))
                .isInstanceOf(GatewayException.class);
    }

    /** The root of a sweep → the whole list, one page of 160. */
    @Test
    void startsWithTheWholeListAtTheCap() {
        assertThat(plan.root(NoticeType.RED)).isEqualTo(NoticeQuery.all(NoticeType.RED, 160));
    }

    /** A total of 160 → complete; 161 → split. */
    @Test
    void splitsOnlyQueriesOverTheCap() {
        assertThat(plan.refine(plan.root(NoticeType.RED), 160).isComplete()).isTrue();
        assertThat(plan.refine(plan.root(NoticeType.RED), 161).subQueries()).isNotEmpty();
    }

    /** A red sweep over the cap → by sex, then halved age bands down to one year, then nationality, then warrant country, then name length. */
    @Test
    void splitsRedQueriesOneDimensionAtATime() {
        NoticeQuery root = plan.root(NoticeType.RED);

        List<NoticeQuery> bySex = plan.refine(root, 6500).subQueries();
        assertThat(bySex).extracting(NoticeQuery::sexId).containsExactly("F", "M", "U");

        List<NoticeQuery> byAge = plan.refine(bySex.get(1), 5900).subQueries();
        assertThat(byAge)
                .extracting(NoticeQuery::ageMin, NoticeQuery::ageMax)
                .containsExactly(tuple(0, 150), tuple(151, 300));
        assertThat(plan.refine(bySex.get(1).withAges(36, 37), 400).subQueries())
                .extracting(NoticeQuery::ageMin, NoticeQuery::ageMax)
                .containsExactly(tuple(36, 36), tuple(37, 37));

        NoticeQuery oneYear = bySex.get(1).withAges(37, 37);
        List<NoticeQuery> byNationality = plan.refine(oneYear, 300).subQueries();
        assertThat(byNationality).hasSize(Countries.alpha2Codes().size());
        assertThat(byNationality).allSatisfy(q -> assertThat(q.ageMin()).isEqualTo(37));

        NoticeQuery russians = oneYear.withNationality("RU");
        assertThat(plan.refine(russians, 170).subQueries())
                .extracting(NoticeQuery::arrestWarrantCountryId)
                .containsExactlyElementsOf(Countries.alpha2Codes());

        List<NoticeQuery> byNameLength =
                plan.refine(russians.withArrestWarrantCountryId("RU"), 170).subQueries();
        assertThat(byNameLength).hasSize(NoticeQueryPlan.MAX_NAME_LENGTH + 1);
        assertThat(byNameLength.get(0).name()).isEqualTo("^.{1}$");
        assertThat(byNameLength.get(NoticeQueryPlan.MAX_NAME_LENGTH).name()).isEqualTo("^.{81,}$");

        Refinement exhausted = plan.refine(byNameLength.get(6), 175);
        assertThat(exhausted.subQueries()).isEmpty();
        assertThat(exhausted.unreachable()).isEqualTo(15);
        assertThat(exhausted.isComplete()).isFalse();
    }

    /** A yellow query at one age and one nationality → name length next: the yellow list has no warrant country. */
    @Test
    void skipsTheWarrantCountryOnTheYellowList() {
        NoticeQuery query =
                plan.root(NoticeType.YELLOW).withSexId("F").withAges(15, 15).withNationality("MN");

        assertThat(plan.refine(query, 200).subQueries())
                .allSatisfy(q -> assertThat(q.name()).isNotNull());
    }

    /** The UN list over the cap → split by name length only, the one filter it has. */
    @Test
    void splitsTheUnListByNameLengthOnly() {
        List<NoticeQuery> subQueries =
                plan.refine(plan.root(NoticeType.UN), 310).subQueries();

        assertThat(subQueries).hasSize(81).allSatisfy(q -> {
            assertThat(q.name()).startsWith("^.{");
            assertThat(q.sexId()).isNull();
        });
    }

    /**
     * A skewed simulated red list of 9,000 notices (mostly men, mostly Russian, ages bunched) swept
     * through a fake API → every query left unsplit is within the cap, and every notice is reached.
     */
    @Test
    void sweepsASkewedListWithEveryQueryWithinTheCap() {
        List<FakeNotice> notices = skewedRedList(9000);

        Sweep sweep = sweep(notices);

        assertThat(sweep.leaves).allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(160));
        assertThat(sweep.unreachable).isZero();
        assertThat(sweep.reached).hasSize(notices.size());
    }

    /** 200 notices alike in every filterable way → the plan gives up on them and says 40 may be missed. */
    @Test
    void reportsWhatNoQueryCanReach() {
        List<FakeNotice> twins = IntStream.range(0, 200)
                .mapToObj(i -> new FakeNotice("2024/" + (10000 + i), "M", 40, "RU", "RU", "IVANOV"))
                .toList();

        Sweep sweep = sweep(twins);

        assertThat(sweep.unreachable).isEqualTo(40);
        assertThat(sweep.reached).hasSize(160);
    }

    private record FakeNotice(
            String entityId, String sex, int age, String nationality, String warrantCountry, String name) {

        boolean matches(NoticeQuery q) {
            return (q.sexId() == null || q.sexId().equals(sex))
                    && (q.ageMin() == null || (q.ageMin() <= age && age <= q.ageMax()))
                    && (q.nationality() == null || q.nationality().equals(nationality))
                    && (q.arrestWarrantCountryId() == null
                            || q.arrestWarrantCountryId().equals(warrantCountry))
                    && (q.name() == null
                            || Pattern.compile(q.name()).matcher(name).find());
        }
    }

    private static final class Sweep {
        final List<Integer> leaves = new ArrayList<>();
        final Set<String> reached = new HashSet<>();
        int unreachable;
    }

    /** What the gateway's poller does, against an in-memory API that answers at most 160 results per query. */
    private Sweep sweep(List<FakeNotice> notices) {
        Sweep sweep = new Sweep();
        Deque<NoticeQuery> work = new ArrayDeque<>(List.of(plan.root(NoticeType.RED)));
        while (!work.isEmpty()) {
            NoticeQuery query = work.pop();
            List<FakeNotice> matching = notices.stream()
                    .filter(n -> n.matches(query))
                    .sorted(Comparator.comparing(FakeNotice::entityId))
                    .toList();
            matching.stream().limit(plan.cap()).forEach(n -> sweep.reached.add(n.entityId()));
            Refinement refinement = plan.refine(query, matching.size());
            if (refinement.subQueries().isEmpty()) {
                sweep.leaves.add(matching.size());
                sweep.unreachable += refinement.unreachable();
            }
            work.addAll(refinement.subQueries());
        }
        return sweep;
    }

    private static List<FakeNotice> skewedRedList(int size) {
        Random random = new Random(20251120L);
        List<String> nationalities = List.of("RU", "RU", "RU", "RU", "CN", "MN", "KZ", "UA", "IN", "AR");
        List<FakeNotice> notices = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String sex = random.nextInt(10) < 8 ? "M" : random.nextBoolean() ? "F" : "U";
            int age = (int) Math.round(38 + random.nextGaussian() * 6);
            String nationality = nationalities.get(random.nextInt(nationalities.size()));
            String warrantCountry = random.nextInt(3) == 0 ? nationality : "RU";
            String name = "X".repeat(3 + random.nextInt(12));
            notices.add(
                    new FakeNotice("20%02d/%05d".formatted(i % 25, i), sex, age, nationality, warrantCountry, name));
        }
        return notices;
    }
}
