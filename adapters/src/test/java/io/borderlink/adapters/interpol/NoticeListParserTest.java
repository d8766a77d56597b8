package io.borderlink.adapters.interpol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeListParserTest {

    private final NoticeListParser parser = new NoticeListParser();
    private final NoticeMapper mapper = new NoticeMapper();

    /** Red list page 1 of 2 → total 4, two notices in list order, next page 2. */
    @Test
    void readsAPageWithANextPage() {
        NoticeListPage page = parser.parse(InterpolFixtures.bytes("red-list-page-1.json"));

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.resultPerPage()).isEqualTo(2);
        assertThat(page.notices())
                .containsExactly(
                        new NoticeListItem("2019/12345", "OCHIRBAT", "TUMURBAATAR"),
                        new NoticeListItem("2021/40417", "WANG BAOGANG", null));
        assertThat(page.skipped()).isZero();
        assertThat(page.nextPage()).hasValue(2);
    }

    /** Red list page 2 of 2 → two more notices and no next page. */
    @Test
    void readsTheLastPageWithoutANextPage() {
        NoticeListPage page = parser.parse(InterpolFixtures.bytes("red-list-page-2.json"));

        assertThat(page.page()).isEqualTo(2);
        assertThat(page.notices()).extracting(NoticeListItem::urlId).containsExactly("2022-28731", "2023-51608");
        assertThat(page.nextPage()).isEmpty();
    }

    /** Every list fixture the poller pages through → each listed notice has a detail fixture with the same entity_id. */
    @ParameterizedTest
    @CsvSource({
        "red-list-page-1.json, RED",
        "red-list-page-2.json, RED",
        "yellow-list-page-1.json, YELLOW",
        "un-persons-list-page-1.json, UN"
    })
    void listsOnlyNoticesThatHaveADetailFixture(String list, NoticeType type) {
        for (NoticeListItem item : parser.parse(InterpolFixtures.bytes(list)).notices()) {
            String fixture = type.listPath().replace('/', '-') + "-detail-" + item.urlId() + ".json";

            assertThat(mapper.version(type, InterpolFixtures.bytes(fixture)).entityId())
                    .isEqualTo(item.entityId());
        }
    }

    /** A nationality query with total 1843 → over the cap of 160; the last link stops at page 8, not 93. */
    @Test
    void reportsATotalAboveTheCap() {
        NoticeListPage page = parser.parse(InterpolFixtures.bytes("red-list-nationality-ru-over-cap.json"));

        assertThat(page.total()).isEqualTo(1843);
        assertThat(page.exceeds(NoticeQueryPlan.MAX_RESULTS)).isTrue();
        assertThat(page.notices()).hasSize(20).doesNotHaveDuplicates();
        assertThat(page.nextPage()).hasValue(2);
    }

    /** An item without entity_id but with a self link → the id from the link; an item with neither → skipped. */
    @Test
    void takesTheIdFromTheSelfLinkAndSkipsItemsWithoutAny() {
        NoticeListPage page = parse(
                """
                {"total": 3, "query": {"page": 1, "resultPerPage": 160},
                 "_embedded": {"notices": [
                   {"name": "BOLD", "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2020-00017"}}},
                   {"entity_id": null, "name": "NOBODY"},
                   {"entity_id": "2021/40417", "name": "WANG BAOGANG", "forename": "-"}
                 ]},
                 "_links": {}}
                """);

        assertThat(page.notices()).extracting(NoticeListItem::entityId).containsExactly("2020/00017", "2021/40417");
        assertThat(page.skipped()).isEqualTo(1);
        assertThat(page.total()).isEqualTo(3);
    }

    /** A next link to the same page, an earlier page, or past the last → no next page, so paging cannot loop. */
    @ParameterizedTest
    @CsvSource({"3, 9", "2, 9", "9, 5"})
    void ignoresNextLinksThatDoNotMoveForward(int next, int last) {
        NoticeListPage page = parse(
                """
                {"total": 900, "query": {"page": 3, "resultPerPage": 20},
                 "_embedded": {"notices": []},
                 "_links": {"next": {"href": "https://ws-public.interpol.int/notices/v1/red?&resultPerPage=20&page=%d"},
                            "last": {"href": "https://ws-public.interpol.int/notices/v1/red?&resultPerPage=20&page=%d"}}}
                """
                        .formatted(next, last));

        assertThat(page.nextPage()).isEqualTo(OptionalInt.empty());
    }

    /** A list with no _embedded, no _links and no total → an empty last page. */
    @Test
    void readsAnEmptyListWithoutHypermedia() {
        NoticeListPage page = parse("{\"query\": {\"page\": 1, \"resultPerPage\": 160}}");

        assertThat(page.notices()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.nextPage()).isEmpty();
    }

    /** An HTML error page instead of JSON → SCHEMA_INVALID. */
    @Test
    void refusesAResponseThatIsNotJson() {
        assertThatThrownBy(() -> parse("<html><body>403 Forbidden</body></html>"))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    /** JSON nested deeper than any notice list (65 arrays in the list's query) → SCHEMA_INVALID, not a parse. */
    @Test
    void refusesJsonNestedBeyondItsBound() {
        String deep = "[".repeat(65) + "]".repeat(65);

        assertThatThrownBy(() -> parse("{\"query\": " + deep + "}"))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    private NoticeListPage parse(String json) {
        return parser.parse(json.getBytes(UTF_8));
    }
}
