package io.borderlink.gateway.interpol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.borderlink.adapters.interpol.NoticeMapper;
import io.borderlink.adapters.interpol.NoticeType;
import io.borderlink.adapters.interpol.NoticeVersion;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.partner.NoticePoll;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One sweep of the red list against an API played by a map of paths to answers: pages of 2, a cap of 4. */
class NoticePollerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final NoticePoll POLL = new NoticePoll(
            URI.create("http://127.0.0.1:9/notices/v1/"),
            Duration.ofMinutes(15),
            List.of(NoticeType.RED),
            2,
            4,
            Duration.ofSeconds(5));

    private final ScriptedFeed feed = new ScriptedFeed();
    private final MemoryLedger ledger = new MemoryLedger();
    private final EvidenceStore evidence = mock(EvidenceStore.class);
    private final List<AuditEvent> audited = new ArrayList<>();
    private final NoticePoller poller =
            new NoticePoller(null, feed, ledger, evidence, new RecordingTrail(), Clock.fixed(NOW, ZoneOffset.UTC));

    /** 5 notices, the first query paging only up to the cap of 4 → split by sex; every notice fetched once. */
    @Test
    void splitsAListOverTheCapAndFetchesEachNoticeOnce() {
        fiveRedNotices();

        List<PolledNotice> found = poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW);

        assertThat(found)
                .extracting(n -> n.version().entityId())
                .containsExactly("2020/1", "2020/2", "2020/3", "2020/4", "2020/5");
        assertThat(found).allSatisfy(n -> assertThat(n.state()).isEqualTo(NoticeState.PUBLISHED));
        assertThat(feed.requests)
                .filteredOn(path -> path.startsWith("red/"))
                .doesNotHaveDuplicates()
                .hasSize(5);
        assertThat(feed.requests).doesNotContain("red?resultPerPage=2&page=3");
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("red: 5 listed, 5 new or changed, 0 withdrawn; listing complete"));
    }

    /** The same details again once the ledger holds them → nothing to deliver. */
    @Test
    void skipsVersionsTheAgenciesAlreadyHave() {
        fiveRedNotices();
        poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW).forEach(n -> ledger.record(n, NOW));

        assertThat(poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW)).isEmpty();
    }

    /** A published notice missing from a complete listing → its withdrawal, built from the last version. */
    @Test
    void withdrawsAKnownNoticeThatACompleteListingNoLongerShows() {
        fiveRedNotices();
        byte[] last = detail("2019/99");
        UUID delivered = UUID.randomUUID();
        ledger.known.put("2019/99", new NoticeLedger.Known("2019/99", "digest", NoticeState.PUBLISHED, delivered));
        when(evidence.original(delivered, EvidenceKind.PROTECTED_ORIGINAL)).thenReturn(Optional.of(last));

        List<PolledNotice> found = poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW);

        assertThat(found)
                .filteredOn(n -> n.state() == NoticeState.WITHDRAWN)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.version().entityId()).isEqualTo("2019/99");
                    assertThat(n.exchange().header().purpose().code()).isEqualTo(NoticeMapper.PURPOSE_WITHDRAWN);
                    assertThat(n.document()).isEqualTo(last);
                });
    }

    /** A withdrawn notice listed again, unchanged → delivered again under the id of its return. */
    @Test
    void deliversAWithdrawnNoticeAgainWhenItReturnsUnchanged() {
        fiveRedNotices();
        NoticeVersion second = new NoticeMapper().version(NoticeType.RED, detail("2020/2"));
        UUID withdrawal = second.withdrawalId();
        ledger.known.put(
                "2020/2", new NoticeLedger.Known("2020/2", second.digest(), NoticeState.WITHDRAWN, withdrawal));

        List<PolledNotice> found = poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW);

        assertThat(found)
                .filteredOn(n -> n.version().entityId().equals("2020/2"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.state()).isEqualTo(NoticeState.PUBLISHED);
                    assertThat(n.exchange().header().exchangeId()).isEqualTo(second.republicationId(withdrawal));
                });
    }

    /** A page answering 502 → audited as PARTNER_UNAVAILABLE; what was listed is still fetched, nothing withdrawn. */
    @Test
    void withdrawsNothingWhenAPageCouldNotBeRead() {
        fiveRedNotices();
        feed.answers.remove("red?sexId=M&resultPerPage=2&page=2");
        ledger.known.put(
                "2019/99", new NoticeLedger.Known("2019/99", "digest", NoticeState.PUBLISHED, UUID.randomUUID()));

        List<PolledNotice> found = poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW);

        assertThat(found).extracting(PolledNotice::state).containsOnly(NoticeState.PUBLISHED);
        assertThat(found).hasSize(5);
        assertThat(audited)
                .filteredOn(e -> e.outcome() == Outcome.FAILED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("PARTNER_UNAVAILABLE");
                    assertThat(e.partnerId()).isEqualTo("INTERPOL-NCB");
                });
        assertThat(audited.get(audited.size() - 1).detail()).endsWith("listing incomplete");
    }

    /** A detail that is not one notice → SCHEMA_INVALID audited, the other notices still delivered. */
    @Test
    void goesOnPastADetailThatCannotBeRead() {
        fiveRedNotices();
        feed.answers.put("red/2020-3", "<html>Access denied</html>".getBytes(UTF_8));

        List<PolledNotice> found = poller.sweep("INTERPOL-NCB", POLL, NoticeType.RED, NOW);

        assertThat(found).hasSize(4);
        assertThat(audited).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("SCHEMA_INVALID");
            assertThat(e.detail()).startsWith("red 2020/3: ");
        });
    }

    /** The whole list answers 5 but pages reach 4; by sex: F has 1 and 5, M has 2, 3 and 4, U none. */
    private void fiveRedNotices() {
        feed.answers.put("red?resultPerPage=2&page=1", list(5, 1, 2, 1, 2));
        feed.answers.put("red?resultPerPage=2&page=2", list(5, 2, 3, 3, 4));
        feed.answers.put("red?resultPerPage=2&page=3", list(5, 3, null, 5));
        feed.answers.put("red?sexId=F&resultPerPage=2&page=1", list(2, 1, null, 1, 5));
        feed.answers.put("red?sexId=M&resultPerPage=2&page=1", list(3, 1, 2, 2, 3));
        feed.answers.put("red?sexId=M&resultPerPage=2&page=2", list(3, 2, null, 4));
        feed.answers.put("red?sexId=U&resultPerPage=2&page=1", list(0, 1, null));
        for (int n = 1; n <= 5; n++) {
            feed.answers.put("red/2020-" + n, detail("2020/" + n));
        }
    }

    private static byte[] list(int total, int page, Integer next, int... numbers) {
        String notices = Arrays.stream(numbers)
                .mapToObj(n -> "{\"entity_id\":\"2020/" + n + "\",\"name\":\"NAME" + n + "\",\"forename\":\"-\"}")
                .collect(Collectors.joining(","));
        String links = next == null
                ? ""
                : ",\"_links\":{\"next\":{\"href\":\"https://ws-public.interpol.int/notices/v1/red?page=" + next
                        + "\"}}";
        return ("{\"total\":" + total + ",\"query\":{\"page\":" + page + ",\"resultPerPage\":2},"
                        + "\"_embedded\":{\"notices\":[" + notices + "]}" + links + "}")
                .getBytes(UTF_8);
    }

    private static byte[] detail(String entityId) {
        return ("{\"entity_id\":\"" + entityId
                        + "\",\"name\":\"NAME\",\"forename\":\"-\",\"date_of_birth\":\"1980/04\","
                        + "\"sex_id\":\"M\",\"height\":0,\"weight\":0}")
                .getBytes(UTF_8);
    }

    /** Answers from a map of path to body; a path it does not know answers 502. */
    private static final class ScriptedFeed extends NoticeFeed {
        private final Map<String, byte[]> answers = new HashMap<>();
        private final List<String> requests = new ArrayList<>();

        ScriptedFeed() {
            super(null);
        }

        @Override
        byte[] get(NoticePoll poll, String path) {
            requests.add(path);
            byte[] answer = answers.get(path);
            if (answer == null) {
                throw new GatewayException(ErrorCode.PARTNER_UNAVAILABLE, "GET " + path + " answered HTTP 502");
            }
            return answer;
        }
    }

    private static final class MemoryLedger extends NoticeLedger {
        private final Map<String, Known> known = new HashMap<>();

        MemoryLedger() {
            super(null);
        }

        @Override
        Optional<Known> find(NoticeType type, String entityId) {
            return Optional.ofNullable(known.get(entityId));
        }

        @Override
        List<Known> published(NoticeType type) {
            return known.values().stream()
                    .filter(k -> k.state() == NoticeState.PUBLISHED)
                    .toList();
        }

        @Override
        void record(PolledNotice notice, Instant at) {
            String id = notice.version().entityId();
            known.put(
                    id,
                    new Known(
                            id,
                            notice.version().digest(),
                            notice.state(),
                            notice.exchange().header().exchangeId()));
        }
    }

    private final class RecordingTrail implements AuditTrail {
        @Override
        public void record(AuditEvent event) {
            audited.add(event);
        }

        @Override
        public void record(List<AuditEvent> events) {
            audited.addAll(events);
        }
    }
}
