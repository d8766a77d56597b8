package io.borderlink.gateway.interpol;

import static io.borderlink.gateway.support.NoticeFeedStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.adapters.interpol.NoticeMapper;
import io.borderlink.adapters.interpol.NoticeType;
import io.borderlink.adapters.interpol.NoticeVersion;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.gateway.audit.AuditSequencer;
import io.borderlink.gateway.audit.BundleVerifier;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.NoticeFeedStub;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * INTERPOL's notices API (WireMock, the adapters' fixtures with their oddities) → the poller → the
 * agencies' own endpoints, under the real partner and agency files with a one-second interval and pages
 * of two. One feed over the life of the class, in steps: first publication, an unchanged re-poll, a
 * changed notice, a withdrawn notice and its return, then broken answers the poller must survive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class InterpolPollingIT extends GatewayTestSupport {

    @Autowired
    private AuditSequencer sequencer;

    private static final NoticeFeedStub FEED = NoticeFeedStub.start();
    private static final Path PARTNERS = PartnerFolders.copyOfTheRealPartners();
    private static final NoticeMapper MAPPER = new NoticeMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final byte[] OCHIRBAT = fixture("red-detail-2019-12345.json");
    private static final byte[] WANG = fixture("red-detail-2021-40417.json");
    private static final byte[] KUZNETSOVA = fixture("red-detail-2022-28731.json");
    private static final byte[] ZHUMABEKOV = fixture("red-detail-2023-51608.json");
    private static final byte[] GANTULGA = fixture("yellow-detail-2024-17342.json");
    private static final byte[] RI = fixture("un-persons-detail-2016-33017.json");

    @DynamicPropertySource
    static void pollTheStub(DynamicPropertyRegistry registry) {
        PartnerFolders.edit(PARTNERS, "interpol-ncb.yml", yaml -> yaml.replace("interval: 15m", "interval: 1s")
                .replace("page-size: 160", "page-size: 2"));
        registry.add("borderlink.config.partners", PARTNERS::toString);
        registry.add("borderlink.partner.interpol-ncb.notices-url", FEED::url);
        registry.add("borderlink.poll.enabled", () -> "true");
        registry.add("borderlink.poll.check-interval", () -> "200ms");
        FEED.listPage("red", 1, fixture("red-list-page-1.json"));
        FEED.listPage("red", 2, fixture("red-list-page-2.json"));
        FEED.listPage("yellow", 1, fixture("yellow-list-page-1.json"));
        FEED.listPage("un/persons", 1, fixture("un-persons-list-page-1.json"));
        FEED.detail("red/2019-12345", OCHIRBAT);
        FEED.detail("red/2021-40417", WANG);
        FEED.detail("red/2022-28731", KUZNETSOVA);
        FEED.detail("red/2023-51608", ZHUMABEKOV);
        FEED.detail("yellow/2024-17342", GANTULGA);
        FEED.detail("un/persons/2016-33017", RI);
    }

    /** Two pages of red notices, a yellow and a UN notice → the Border authority gets all six, Defence the UN one. */
    @Test
    @Order(1)
    void deliversEveryListedNoticeToTheAgenciesThatReceiveItsCategory() {
        List<NoticeVersion> red = List.of(
                version(NoticeType.RED, OCHIRBAT),
                version(NoticeType.RED, WANG),
                version(NoticeType.RED, KUZNETSOVA),
                version(NoticeType.RED, ZHUMABEKOV));
        for (NoticeVersion notice : red) {
            Exchange atBorder = deliveredTo(MN_BORDER, "mn-border", notice.exchangeId());
            assertThat(atBorder.header().category()).isEqualTo(Category.WANTED_PERSON);
            assertThat(atBorder.header().originator()).isEqualTo("INTERPOL-NCB");
            assertThat(atBorder.header().sourceRefs()).containsExactly(new SourceRef("INTERPOL", notice.entityId()));
        }
        Exchange missing = deliveredTo(
                MN_BORDER, "mn-border", version(NoticeType.YELLOW, GANTULGA).exchangeId());
        assertThat(missing.header().category()).isEqualTo(Category.MISSING_PERSON);
        UUID un = version(NoticeType.UN, RI).exchangeId();
        assertThat(deliveredTo(MN_BORDER, "mn-border", un).header().category()).isEqualTo(Category.PERSON_ALERT);
        assertThat(deliveredTo(MN_DEFENCE, "mn-defence", un).header().category())
                .isEqualTo(Category.PERSON_ALERT);

        Person wang = deliveredTo(MN_BORDER, "mn-border", red.get(1).exchangeId())
                .body()
                .subjects(Person.class)
                .get(0);
        assertThat(wang.surname()).isEqualTo("WANG BAOGANG");
        assertThat(wang.givenNames()).isNull();
        assertThat(wang.dateOfBirth().toString()).isEqualTo("1987-04");
        assertThat(MN_DEFENCE.receivedFor(red.get(0).exchangeId())).isEmpty();
        assertThat(MN_CUSTOMS.receivedFor(un)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT direction || '/' || channel FROM exchange WHERE id = ?", String.class, un))
                .isEqualTo("INBOUND/POLL");
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger("PUBLISHED") == 6);
    }

    /** The same feed again → nothing new stored or delivered. */
    @Test
    @Order(2)
    void deliversNothingNewWhenTheFeedHasNotChanged() {
        int exchanges = interpolExchanges();

        awaitTwoMoreSweeps();

        assertThat(interpolExchanges()).isEqualTo(exchanges);
        assertThat(MN_BORDER.received()).isEmpty();
        assertThat(MN_DEFENCE.received()).isEmpty();
    }

    /** Red notice 2022/28731 gains a warrant → a new exchange, linked to the first by its correlation id. */
    @Test
    @Order(3)
    void deliversAChangedNoticeAsANewExchangeLinkedToTheFirst() {
        byte[] changed = edited(KUZNETSOVA, n -> ((ArrayNode) n.get("arrest_warrants"))
                .addObject()
                .put("issuing_country_id", "MN")
                .put("charge", "Smuggling across the state border (Criminal Code of Mongolia, article 18.1)."));
        FEED.detail("red/2022-28731", changed);

        NoticeVersion second = version(NoticeType.RED, changed);
        Exchange update = deliveredTo(MN_BORDER, "mn-border", second.exchangeId());

        NoticeVersion first = version(NoticeType.RED, KUZNETSOVA);
        assertThat(second.exchangeId()).isNotEqualTo(first.exchangeId());
        assertThat(update.header().correlationId()).isEqualTo(first.correlationId());
        assertThat(update.body().narrative().text()).contains("article 18.1");
        await().atMost(Duration.ofSeconds(15)).until(() -> second.digest()
                .equals(jdbc.queryForObject(
                        "SELECT digest FROM interpol_notice WHERE entity_id = '2022/28731'", String.class)));
    }

    /** Red notice 2023/51608 drops off a complete listing → a withdrawal exchange to the agencies that had it. */
    @Test
    @Order(4)
    void withdrawsANoticeThatACompleteListingNoLongerShows() {
        FEED.listPage("red", 2, edited(fixture("red-list-page-2.json"), page -> {
            page.put("total", 3);
            ((ArrayNode) page.get("_embedded").get("notices")).remove(1);
        }));

        NoticeVersion last = version(NoticeType.RED, ZHUMABEKOV);
        Exchange withdrawal = deliveredTo(MN_BORDER, "mn-border", last.withdrawalId());

        assertThat(withdrawal.header().purpose().code()).isEqualTo(NoticeMapper.PURPOSE_WITHDRAWN);
        assertThat(withdrawal.header().correlationId()).isEqualTo(last.correlationId());
        assertThat(withdrawal.header().sourceRefs()).containsExactly(new SourceRef("INTERPOL", "2023/51608"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "WITHDRAWN"
                .equals(jdbc.queryForObject(
                        "SELECT state FROM interpol_notice WHERE entity_id = '2023/51608'", String.class)));
        assertThat(ledger("PUBLISHED")).isEqualTo(5);
    }

    /** Red notice 2023/51608 back on the list, unchanged → delivered again under the id of its return. */
    @Test
    @Order(5)
    void deliversAWithdrawnNoticeAgainWhenItReturns() {
        FEED.listPage("red", 2, fixture("red-list-page-2.json"));

        NoticeVersion version = version(NoticeType.RED, ZHUMABEKOV);
        Exchange again = deliveredTo(MN_BORDER, "mn-border", version.republicationId(version.withdrawalId()));

        assertThat(again.header().correlationId()).isEqualTo(version.correlationId());
        assertThat(again.body().narrative().text()).startsWith("Published again: ");
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger("PUBLISHED") == 6);
    }

    /**
     * A red page that is not JSON and a yellow list answering 502 → each audited with its code, nothing on
     * the broken page withdrawn, and the same sweeps still deliver a changed UN notice.
     */
    @Test
    @Order(6)
    void auditsBrokenAnswersAndGoesOnPolling() {
        FEED.listPage("red", 2, "{\"total\": 3, \"_embedded\": ".getBytes(StandardCharsets.UTF_8));
        FEED.failPage("yellow", 1, 502);
        byte[] changed = edited(RI, n -> n.put("summary", "Listed again on 2026-11-20 with a new alias."));
        FEED.detail("un/persons/2016-33017", changed);

        deliveredTo(MN_DEFENCE, "mn-defence", version(NoticeType.UN, changed).exchangeId());

        await().atMost(Duration.ofSeconds(15)).until(() -> failures("SCHEMA_INVALID") > 0);
        await().atMost(Duration.ofSeconds(15)).until(() -> failures("PARTNER_UNAVAILABLE") > 0);
        awaitTwoMoreSweeps();
        assertThat(ledger("PUBLISHED")).isEqualTo(6);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE step = 'POLL' AND outcome = 'FAILED'"
                                + " AND code = 'SCHEMA_INVALID' AND partner_id = 'INTERPOL-NCB' AND detail LIKE '%red?%'",
                        Integer.class))
                .isPositive();
    }

    /**
     * A polled notice's evidence bundle verifies offline: the feed's JSON is kept as it was served, labelled
     * as JSON, and checked by its digest, there being no signature on it.
     */
    @Test
    @Order(7)
    void exportsAPolledNoticeInABundleThatVerifiesOffline() throws Exception {
        UUID exchangeId = version(NoticeType.RED, WANG).exchangeId();
        assertThat(jdbc.queryForList(
                        "SELECT media_type FROM evidence WHERE exchange_id = ? AND kind = 'SIGNED_ORIGINAL'",
                        String.class,
                        exchangeId))
                .containsExactly("application/json");
        sequencer.seal();

        HttpResponse<byte[]> export = agency("auditor-1")
                .postJsonForBytes("/api/v1/audit/exports", "{\"exchangeId\":\"" + exchangeId + "\"}");
        assertThat(export.statusCode()).isEqualTo(200);
        Path bundle = Files.write(Files.createTempFile("notice-bundle", ".zip"), export.body());
        BundleVerifier.Report report = new BundleVerifier(
                        List.of(DevPki.ca("national-root")), List.of(DevPki.certificate("audit-checkpoint")), List.of())
                .verify(bundle);

        assertThat(report.problems()).isEmpty();
        assertThat(report.checked()).anySatisfy(line -> assertThat(line).contains("1 fetched from a feed"));
    }

    private static NoticeVersion version(NoticeType type, byte[] detail) {
        return MAPPER.version(type, detail);
    }

    /** Each sweep audits one POLL/OK per list; at least two whole sweeps ran between the call and the return. */
    private void awaitTwoMoreSweeps() {
        int done = sweeps();
        await().atMost(Duration.ofSeconds(20)).until(() -> sweeps() >= done + 2 * 3 + 3);
    }

    private int sweeps() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE step = 'POLL' AND outcome = 'OK'", Integer.class);
    }

    private int failures(String code) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE step = 'POLL' AND outcome = 'FAILED' AND code = ?",
                Integer.class,
                code);
    }

    private int interpolExchanges() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM exchange WHERE originator = 'INTERPOL-NCB'", Integer.class);
    }

    private int ledger(String state) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM interpol_notice WHERE state = ?", Integer.class, state);
    }

    private static byte[] edited(byte[] json, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(json);
            change.accept(tree);
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
