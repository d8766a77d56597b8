package io.borderlink.gateway.operations;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Documents whose names, document numbers, plates and narratives are marker values go through every refusal
 * path of the intake, the dry run and the partner inbound, and through acceptance, decision and delivery; no
 * marker may then appear in any log line (of any logger, exceptions included), in the audit trail, in a
 * share's reason, trace or last error, or in a refusal's answer. Refusals name the element and the rule.
 */
class NoDocumentValuesLoggedIT extends GatewayTestSupport {

    /** Every marker contains this, and nothing else the gateway writes does. */
    private static final String MARK = "ZQXMARK";

    private static final Map<String, String> MARKERS = Map.of(
            "TSERENDORJ", "ZQXMARKSURNAME",
            "BAYARSAIKHAN", "ZQXMARKGIVEN",
            "E2417365", "ZQXMARKDOC7",
            "4817УБМ", "ZQXMARKPLATE",
            "large-scale fraud", "ZQXMARKNARRATIVE",
            "G. Oyunchimeg", "ZQXMARKSOURCE",
            "Case file 2025-SB-0312", "ZQXMARKNOTES");

    private static final Map<String, String> PARTNER_MARKERS = Map.of(
            "BADMAEV", "ZQXMARKFAMILY",
            "Е317КР03", "ZQXMARKPLATE",
            "незаконно добытый лес", "ZQXMARKSUMMARY");

    private static final XmlCrypto CRYPTO = new XmlCrypto();

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void captureEveryLogLine() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(logged);
    }

    @Test
    void noRefusalAcceptanceOrDeliveryWritesADocumentValueToTheLogsOrTheTrail() {
        agencyRefusals();
        dryRuns();
        partnerRefusals();
        acceptedAndDelivered();

        assertThat(answers).hasSizeGreaterThanOrEqualTo(15).noneMatch(answer -> answer.contains(MARK));
        assertThat(logged.list).isNotEmpty();
        assertThat(logLines()).noneMatch(line -> line.contains(MARK));
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").stream()
                        .map(Map::toString)
                        .toList())
                .hasSizeGreaterThan(20)
                .noneMatch(event -> event.contains(MARK));
        assertThat(jdbc.queryForList("SELECT reason, trace, last_error FROM share").stream()
                        .map(Map::toString)
                        .toList())
                .noneMatch(share -> share.contains(MARK));
        assertThat(jdbc.queryForList("SELECT code FROM audit_event WHERE outcome = 'REJECTED'", String.class))
                .contains(
                        "SCHEMA_INVALID",
                        "CERT_REVOKED",
                        "ORIGINATOR_MISMATCH",
                        "EXCHANGE_STALE",
                        "EXCHANGE_REPLAYED",
                        "SIGNATURE_INVALID",
                        "DECRYPTION_FAILED");
    }

    /** Each refusal an agency's submission can meet once its document is read, with markers in the document. */
    private void agencyRefusals() {
        submit(
                "mn-border",
                protectEdited(marked(), "mn-border", doc -> text(doc, "Number", "ZQXMARKDOC" + "7".repeat(40))),
                400);
        submit("mn-border", protectEdited(marked(), "mn-border", doc -> text(doc, "Vin", "ZQXMARKVINQQQQQQQ")), 400);
        submit("mn-border", protectEdited(marked(), "mn-border", doc -> text(doc, "Nationality", "ZQXMARKNAT")), 400);
        submit("mn-customs", protect(marked(), "mn-customs-revoked"), 403);
        submit("mn-customs", protect(marked(), "mn-border"), 403);
        submit(
                "mn-border",
                protect(AgencyDocuments.fresh(marked(), Instant.now().minus(Duration.ofHours(1))), "mn-border"),
                400);

        Exchange first = marked();
        submit("mn-border", protect(first, "mn-border"), 202);
        submit("mn-border", protect(withNarrative(first, "ZQXMARKREPLAY other words"), "mn-border"), 409);

        Document tampered = ExchangeXml.toDocument(marked());
        CRYPTO.protect(
                tampered,
                body(tampered),
                DevPki.key("mn-border"),
                DevPki.certificate("gateway-enc"),
                KeyTransport.RSA_OAEP);
        tampered.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Tlp").item(0).setTextContent("CLEAR");
        submit("mn-border", SecureXml.serialize(tampered), 400);

        Document misaddressed = ExchangeXml.toDocument(marked());
        CRYPTO.protect(
                misaddressed,
                body(misaddressed),
                DevPki.key("mn-border"),
                DevPki.certificate("ru-liaison"),
                KeyTransport.RSA_OAEP);
        submit("mn-border", SecureXml.serialize(misaddressed), 400);
        submit("mn-border", "<Exchange xmlns=\"urn:borderlink:exchange:1\">ZQXMARKGARBAGE<".getBytes(UTF_8), 400);
    }

    /** The dry run reads plaintext: a valid one (its answer is the partner views) and one the schema refuses. */
    private void dryRuns() {
        byte[] plaintext = ExchangeXml.write(marked());
        assertThat(agency("mn-border").dryRun(plaintext, "RU-LIAISON").statusCode())
                .isEqualTo(200);
        Document invalid = ExchangeXml.toDocument(marked());
        text(invalid, "Number", "ZQXMARKDOC" + "7".repeat(40));
        answers.add(expect(agency("mn-border").dryRun(SecureXml.serialize(invalid), "RU-LIAISON"), 400));
    }

    /**
     * What the Russian office sends, with markers: too old, signed by the Chinese office, a birth date that is
     * not one. Each is refused with a SOAP fault (HTTP 500, as SOAP 1.1 has it).
     */
    private void partnerRefusals() {
        liaison(
                "ru-liaison",
                Map.of("Created", Instant.now().minus(Duration.ofDays(3)).toString()),
                "1988",
                500);
        liaison("cn-liaison", Map.of("Created", Instant.now().toString()), "1988", 500);
        liaison("ru-liaison", Map.of("Created", Instant.now().toString()), "ZQXMARKBIRTH", 500);
    }

    /** A marked wanted person accepted and delivered, and a marked liaison message delivered to the agencies. */
    private void acceptedAndDelivered() {
        Exchange wanted = marked();
        submit("mn-border", protect(wanted, "mn-border"), 202);
        liaison("ru-liaison", Map.of("Created", Instant.now().toString()), "1988", 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM share WHERE state = 'PENDING'", Integer.class) == 0);
        assertThat(RU_LIAISON.receivedFor(wanted.header().correlationId())).isNotEmpty();
    }

    private void submit(String agency, byte[] document, int status) {
        answers.add(expect(agency(agency).submit(document), status));
    }

    private void liaison(String signer, Map<String, String> header, String birthDate, int status) {
        String sample = new String(Samples.vehicleAlertFromRuLiaison(), UTF_8).replace("1988", birthDate);
        for (Map.Entry<String, String> marker : PARTNER_MARKERS.entrySet()) {
            sample = sample.replace(marker.getKey(), marker.getValue());
        }
        PartnerSide.Sent sent = PartnerSide.send(signer, sample.getBytes(UTF_8), header);
        answers.add(expect(agency("ru-liaison").deliverLiaison(sent.bytes()), status));
    }

    private static String expect(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    /** The wanted person with every name, number, plate and narrative replaced by a marker, fresh. */
    private static Exchange marked() {
        String sample = new String(Samples.wantedPersonFromBorderPolice(), UTF_8);
        for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
            assertThat(sample).contains(marker.getKey());
            sample = sample.replace(marker.getKey(), marker.getValue());
        }
        return fresh(sample.getBytes(UTF_8));
    }

    private static Exchange withNarrative(Exchange exchange, String narrative) {
        Document document = ExchangeXml.toDocument(exchange);
        text(document, "Narrative", narrative);
        return ExchangeXml.read(document);
    }

    private List<String> logLines() {
        return logged.list.stream()
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        + event.getMDCPropertyMap().entrySet().stream()
                                .map(Map.Entry::toString)
                                .collect(Collectors.joining(",")))
                .toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
