package io.borderlink.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.delivery.ShareDelivery;
import io.borderlink.gateway.interpol.NoticeState;
import io.borderlink.gateway.interpol.PolledNotice;
import io.borderlink.gateway.submission.DecidedExchange;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.routes.interpol.InterpolPollRoutes;
import io.borderlink.routes.outbox.OutboxRoutes;
import io.borderlink.testkit.PartnerSide;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Each route's error path, as its route configuration declares it, on the real gateway: a fault is injected
 * just before one named step (AdviceWith by route id; the fault fires once, when armed), and what must
 * follow is checked where it shows — the caller's answer, the share's row, the audit trail, the route's
 * next run. The routes are advised in a context of this class's own, closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(
        properties = {
            // The real partner and agency files: RU-LIAISON pushes to us, agencies receive.
            "borderlink.config.partners=config/partners",
            // Scheduled routes tick fast enough to watch a failed run being followed by the next one.
            "borderlink.approvals.expiry-check-interval=300",
            "borderlink.audit.anchor-interval=300ms",
            "borderlink.config.watch-interval=300ms",
            "borderlink.pki.revocation.refresh-interval=300ms"
        })
class RouteErrorPathsIT extends GatewayTestSupport {

    private static final InjectedFaults FAULTS = new InjectedFaults();
    private static boolean advised;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @BeforeAll
    static void resetFaults() {
        FAULTS.disarmAll();
    }

    /** The intake configuration: a database that cannot be reached refuses with STORE_UNAVAILABLE (503). */
    @Test
    void anAgencySubmissionThatCannotBeStoredIsRefusedAsStoreUnavailable() throws Exception {
        adviseOnce();
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        FAULTS.arm(
                "outbound.accept",
                new CannotCreateTransactionException("database unreachable"),
                alert.header().exchangeId());

        HttpResponse<String> answer = agency("mn-border").submit(protect(alert, "mn-border"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("STORE_UNAVAILABLE");
        assertThat(exchangesWithId(alert.header().exchangeId())).isZero();
        // The advice is inert once the fault has fired: the same exchange is accepted on the next try.
        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);
    }

    /** inbound.accept has no handler of its own: inbound.receive's intake configuration answers the partner. */
    @Test
    void aPartnerMessageThatCannotBeStoredIsRefusedAsStoreUnavailable() throws Exception {
        adviseOnce();
        PartnerSide.Sent message = PartnerSide.send(
                "ru-liaison",
                Samples.vehicleAlertFromRuLiaison(),
                Map.of("Created", Instant.now().toString()));
        UUID exchangeId =
                UUID.nameUUIDFromBytes(("RU-LIAISON/" + message.messageId()).getBytes(StandardCharsets.UTF_8));
        FAULTS.arm("inbound.accept", new CannotCreateTransactionException("database unreachable"), exchangeId);

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(message.bytes());

        // SOAP 1.1 answers every fault with HTTP 500; the fault's code says what it was.
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<Code>STORE_UNAVAILABLE</Code>");
        assertThat(exchangesWithId(exchangeId)).isZero();
    }

    /**
     * A refusal is the caller's mistake, not the gateway's: each is logged once, with its code, and nothing on
     * the request threads is logged as an error or with a stack trace (Camel's and CXF's own lines included),
     * so that an operator's ERROR alerts and the log's volume are not the callers' to drive.
     */
    @Test
    void aRefusedRequestIsLoggedOnceWithItsCodeAndNeverAsAnError() {
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            assertThat(agency("mn-border")
                            .submit("<a>".getBytes(StandardCharsets.UTF_8))
                            .body())
                    .contains("XML_MALFORMED");
            assertThat(agency("mn-border").status(UUID.randomUUID()).statusCode())
                    .isEqualTo(404);
            assertThat(agency("mn-border")
                            .soap("/services/exchange", "", "not XML")
                            .body())
                    .contains("<Code>XML_MALFORMED</Code>");
            assertThat(agency("mn-border")
                            .dryRun("<a/>".getBytes(StandardCharsets.UTF_8), "RU-LIAISON")
                            .body())
                    .contains("SCHEMA_INVALID");
        } finally {
            release(log);
        }

        List<ILoggingEvent> onRequestThreads = log.list.stream()
                .filter(e -> e.getThreadName().contains("-exec-"))
                .toList();
        assertThat(onRequestThreads)
                .noneSatisfy(e ->
                        assertThat(e.getLevel().isGreaterOrEqual(Level.WARN)).isTrue())
                .noneSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
        assertThat(onRequestThreads)
                .filteredOn(e -> e.getFormattedMessage().contains("refused with XML_MALFORMED"))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("submission refused"));
    }

    /** An unexpected failure is the gateway's: logged once, at ERROR, with its cause; the caller learns the code. */
    @Test
    void anUnexpectedFailureInTheIntakeIsLoggedOnceWithItsCause() throws Exception {
        adviseOnce();
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        FAULTS.arm(
                "outbound.accept",
                new IllegalStateException("injected intake fault"),
                alert.header().exchangeId());
        ListAppender<ILoggingEvent> log = captureLog();
        HttpResponse<String> answer;
        try {
            answer = agency("mn-border").submit(protect(alert, "mn-border"));
        } finally {
            release(log);
        }

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("INTERNAL_ERROR").doesNotContain("injected");
        assertThat(log.list)
                .filteredOn(e -> e.getLevel() == Level.ERROR)
                .singleElement()
                .satisfies(e -> assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy()))
                        .contains("IllegalStateException: injected intake fault"));
    }

    /** The delivery configuration: an unavailable partner is a retry, recorded, and the share gets through. */
    @Test
    void aFailedAttemptIsRecordedAsARetryAndTheShareIsDeliveredOnTheNext() throws Exception {
        adviseOnce();
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        UUID exchangeId = alert.header().exchangeId();
        FAULTS.arm(
                "outbox.deliver.send",
                new GatewayException(ErrorCode.PARTNER_UNAVAILABLE, "unreachable: injected"),
                exchangeId);

        submit(alert);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(shares(exchangeId)).isNotEmpty().allSatisfy(share -> assertThat(share)
                        .containsEntry("state", "DELIVERED")));
        assertThat(shares(exchangeId))
                .extracting(share -> share.get("attempts"))
                .containsOnlyOnce(2);
        assertThat(auditOf(exchangeId))
                .filteredOn(e -> "RETRY".equals(e.get("outcome")))
                .singleElement()
                .satisfies(e ->
                        assertThat(e).containsEntry("step", "DELIVER").containsEntry("code", "PARTNER_UNAVAILABLE"));
    }

    /** An unexpected failure inside a step is no retry: the share waits as a dead letter, not lost, not looping. */
    @Test
    void anUnexpectedFailureInAStepDeadLettersTheShareWithAnInternalError() throws Exception {
        adviseOnce();
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        UUID exchangeId = alert.header().exchangeId();
        FAULTS.arm("outbox.deliver.protect", new IllegalStateException("injected"), exchangeId);

        submit(alert);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(exchangeId))
                .filteredOn(share -> "DEAD_LETTER".equals(share.get("state")))
                .singleElement()
                .satisfies(share -> assertThat(share).containsEntry("last_error_code", "INTERNAL_ERROR")));
        assertThat(auditOf(exchangeId)).anySatisfy(e -> assertThat(e).containsEntry("step", "DEAD_LETTER"));
    }

    /** The poll configuration: a notice that cannot be taken in is audited with its code, and left for the next sweep. */
    @Test
    void aPolledNoticeThatFailsIsAuditedWithItsCode() throws Exception {
        adviseOnce();
        Exchange notice = fresh(Samples.wantedPersonFromBorderPolice());
        FAULTS.arm(
                "interpol.notice",
                new GatewayException(ErrorCode.SCHEMA_INVALID, "injected"),
                notice.header().exchangeId());

        producer.sendBody(
                InterpolPollRoutes.NOTICE,
                new PolledNotice(
                        "INTERPOL-NCB",
                        null,
                        null,
                        NoticeState.PUBLISHED,
                        notice,
                        "{}".getBytes(StandardCharsets.UTF_8),
                        Instant.now()));

        assertThat(auditOf(notice.header().exchangeId())).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("step", "POLL")
                .containsEntry("outcome", "FAILED")
                .containsEntry("code", "SCHEMA_INVALID")
                .containsEntry("partner_id", "INTERPOL-NCB"));
        assertThat(exchangesWithId(notice.header().exchangeId())).isZero();
    }

    /** The scheduled configuration: a failed run is logged, the timer goes on, and the next run does the work. */
    @ParameterizedTest
    @CsvSource({"approval.expiry", "audit.sequence", "audit.anchor", "policy.reload", "outbox.sweep", "trust.refresh"})
    void aScheduledRouteThatFailsRunsAgainOnItsNextTick(String routeId) throws Exception {
        adviseOnce();
        FAULTS.arm(routeId, new IllegalStateException("injected"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !FAULTS.isArmed(routeId));
        int afterFailure = FAULTS.completed(routeId);

        await().atMost(Duration.ofSeconds(20)).until(() -> FAULTS.completed(routeId) > afterFailure);
        assertThat(camel.getRouteController().getRouteStatus(routeId).isStarted())
                .isTrue();
    }

    /** Puts a fault point before one step of each route, and a counter of completed runs after the last. */
    private synchronized void adviseOnce() throws Exception {
        if (advised) {
            return;
        }
        advise("outbound.accept", "bean:exchangeStore*", "outbound.accept");
        advise("inbound.accept", "bean:exchangeStore*", "inbound.accept");
        advise("outbox.deliver", "bean:partnerTransport*", "outbox.deliver.send");
        advise("outbox.deliver", "bean:partnerMessages?method=protect*", "outbox.deliver.protect");
        advise("interpol.notice", "bean:noticePoller?method=verified*", "interpol.notice");
        for (String scheduled :
                List.of("approval.expiry", "audit.sequence", "audit.anchor", "policy.reload", "trust.refresh")) {
            adviseScheduled(scheduled, "bean:*");
        }
        adviseScheduled("outbox.sweep", "bean:deliveries?method=due*");
        advised = true;
    }

    private void advise(String routeId, String step, String fault) throws Exception {
        AdviceWith.adviceWith(camel, routeId, route -> route.weaveByToUri(step)
                .before()
                .process(exchange -> FAULTS.fireIfArmed(fault, exchangeIdOf(exchange))));
    }

    private void adviseScheduled(String routeId, String step) throws Exception {
        AdviceWith.adviceWith(camel, routeId, route -> {
            route.weaveByToUri(step).before().process(exchange -> FAULTS.fireIfArmed(routeId, null));
            route.weaveAddLast().process(exchange -> FAULTS.complete(routeId));
        });
    }

    /** Which exchange a step is working on, whatever the body is at that step. */
    private static UUID exchangeIdOf(org.apache.camel.Exchange exchange) {
        ShareDelivery share = exchange.getProperty(OutboxRoutes.SHARE, ShareDelivery.class);
        if (share != null) {
            return share.exchangeId();
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof DecidedExchange decided) {
            return decided.verified().exchange().header().exchangeId();
        }
        if (body instanceof PolledNotice notice) {
            return notice.exchange().header().exchangeId();
        }
        return null;
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        appender.stop();
    }

    private void submit(Exchange exchange) {
        assertThat(agency("mn-border").submit(protect(exchange, "mn-border")).statusCode())
                .isEqualTo(202);
    }

    private List<Map<String, Object>> shares(UUID exchangeId) {
        return jdbc.queryForList(
                "SELECT state, attempts, last_error_code FROM share WHERE exchange_id = ?", exchangeId);
    }

    private int exchangesWithId(UUID exchangeId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM exchange WHERE id = ?", Integer.class, exchangeId);
    }

    /**
     * Faults armed by name, each fired once, for one exchange only (other traffic passes untouched) or, for
     * scheduled work, on the next run; and how many runs of each scheduled route completed.
     */
    static final class InjectedFaults {

        private record Fault(Exception cause, UUID exchangeId) {}

        private final Map<String, Fault> armed = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();

        /** @param exchangeId the exchange the fault is for; null for the next run of a scheduled route */
        void arm(String name, Exception cause, UUID exchangeId) {
            armed.put(name, new Fault(cause, exchangeId));
        }

        boolean isArmed(String name) {
            return armed.containsKey(name);
        }

        void disarmAll() {
            armed.clear();
        }

        void fireIfArmed(String name, UUID exchangeId) throws Exception {
            Fault fault = armed.get(name);
            if (fault != null && Objects.equals(fault.exchangeId(), exchangeId) && armed.remove(name, fault)) {
                throw fault.cause();
            }
        }

        void complete(String name) {
            completed.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        }

        int completed(String name) {
            AtomicInteger count = completed.get(name);
            return count == null ? 0 : count.get();
        }
    }
}
