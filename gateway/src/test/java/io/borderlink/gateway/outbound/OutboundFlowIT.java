package io.borderlink.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.PartnerStub;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.w3c.dom.Document;

/**
 * The outbound flow end to end, on the embedded database: an agency submits a sample over REST or SOAP,
 * the partner stub receives a liaison message signed by the gateway and encrypted to the partner, and the
 * agency sees the share delivered.
 */
class OutboundFlowIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EvidenceStore evidence;

    /** The border police post a border incident for RU-LIAISON; RU-LIAISON receives it, signed and encrypted. */
    @Test
    void deliversABorderIncidentSubmittedOverRestToTheLiaisonPartner() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        HttpResponse<String> receipt = agency("mn-border").submit(protect(incident, "mn-border"));

        assertThat(receipt.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(receipt.body()).get("exchangeId").asText())
                .isEqualTo(incident.header().exchangeId().toString());
        assertDeliveredTo(RU_LIAISON, "ru-liaison", incident);
        assertShareDelivered(incident.header().exchangeId(), "RU-LIAISON");
    }

    /** The same over SOAP: SubmitExchange answers with the receipt and the partner receives the share. */
    @Test
    void deliversABorderIncidentSubmittedOverSoap() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        HttpResponse<String> response = agency("mn-border").submitOverSoap(protect(incident, "mn-border"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<ExchangeId>" + incident.header().exchangeId() + "</ExchangeId>")
                .contains("<State>ACCEPTED</State>");
        assertDeliveredTo(RU_LIAISON, "ru-liaison", incident);
        assertShareDelivered(incident.header().exchangeId(), "RU-LIAISON");
    }

    /** A SOAP refusal is a fault whose GatewayFault detail carries the stable code, and it is audited. */
    @Test
    void answersARefusedSoapSubmissionWithAFaultCarryingTheCode() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        HttpResponse<String> response = agency("mn-customs").submitOverSoap(protect(incident, "mn-border"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("faultcode>soap:Client<").contains("<Code>ORIGINATOR_MISMATCH</Code>");
        assertThat(auditOf(incident.header().exchangeId()))
                .anySatisfy(e -> assertThat(e).containsEntry("code", "ORIGINATOR_MISMATCH"));
    }

    /** An addressee that is not configured is denied with its rule; the configured one still gets its share. */
    @Test
    void deniesAnUnknownAddresseeAndDeliversToTheKnownOne() throws Exception {
        Exchange wanted = fresh(Samples.wantedPersonFromBorderPolice());

        agency("mn-border").submit(protect(wanted, "mn-border"));

        assertDeliveredTo(RU_LIAISON, "ru-liaison", wanted);
        JsonNode interpol = share(wanted.header().exchangeId(), "INTERPOL-NCB");
        assertThat(interpol.get("decision").asText()).isEqualTo("DENY");
        assertThat(interpol.get("ruleId").asText()).isEqualTo("partner-known");
        assertThat(interpol.get("state").asText()).isEqualTo("DENIED");
    }

    /** The partner answers 503 every time: the share is retried with backoff, then dead-lettered. */
    @Test
    void deadLettersAShareAfterItsLastAttempt() throws Exception {
        RU_LIAISON.answer(503);
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        agency("mn-border").submit(protect(incident, "mn-border"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(share(incident.header().exchangeId(), "RU-LIAISON")
                                .get("state")
                                .asText())
                        .isEqualTo("DEAD_LETTER"));
        JsonNode share = share(incident.header().exchangeId(), "RU-LIAISON");
        assertThat(share.get("attempts").asInt()).isEqualTo(3);
        assertThat(share.get("lastErrorCode").asText()).isEqualTo("PARTNER_UNAVAILABLE");
        assertThat(RU_LIAISON.receivedFor(incident.header().correlationId())).hasSize(3);
        assertThat(auditOf(incident.header().exchangeId()))
                .filteredOn(e -> "DELIVER".equals(e.get("step")))
                .extracting(e -> e.get("outcome"))
                .containsExactly("RETRY", "RETRY", "FAILED");
    }

    /** The partner is down for a while, then recovers: the share is delivered on a later attempt. */
    @Test
    void deliversAfterThePartnerRecovers() throws Exception {
        RU_LIAISON.answer(503);
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        agency("mn-border").submit(protect(incident, "mn-border"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !RU_LIAISON
                .receivedFor(incident.header().correlationId())
                .isEmpty());

        RU_LIAISON.answer(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(share(incident.header().exchangeId(), "RU-LIAISON")
                                .get("state")
                                .asText())
                        .isEqualTo("DELIVERED"));
    }

    /** Another agency cannot read the status of an exchange it did not originate. */
    @Test
    void hidesAnExchangeFromOtherAgencies() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        agency("mn-border").submit(protect(incident, "mn-border"));

        HttpResponse<String> response =
                agency("mn-customs").status(incident.header().exchangeId());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("NOT_FOUND");
        UUID unknown = UUID.randomUUID();
        assertThat(agency("mn-customs").status(unknown).statusCode()).isEqualTo(404);
        // The same answer to both, but the trail tells a probe of another agency's exchange from a wrong id.
        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || code || ' ' || detail FROM audit_event"
                                + " WHERE step = 'ACCESS' AND (detail LIKE ? OR detail LIKE ?)",
                        String.class,
                        "%" + incident.header().exchangeId() + "%",
                        "%" + unknown + "%"))
                .containsExactlyInAnyOrder(
                        "MN-CUSTOMS NOT_FOUND exchange " + incident.header().exchangeId()
                                + " asked for: another agency's exchange",
                        "MN-CUSTOMS NOT_FOUND exchange " + unknown + " asked for: no such exchange");
    }

    private void assertDeliveredTo(PartnerStub partner, String partnerKey, Exchange sent) {
        UUID correlationId = sent.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !partner.receivedFor(correlationId).isEmpty());
        byte[] request = partner.receivedFor(correlationId).get(0).getBody();
        String raw = new String(request, StandardCharsets.UTF_8);
        // What travels is encrypted: no narrative, no names in clear.
        assertThat(raw).doesNotContain("Altanbulag").doesNotContain("<Persons>");

        PartnerSide.Opened opened = PartnerSide.open(request, partnerKey);

        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway"));
        Document message = opened.message();
        SecureXml.validate(message, SecureXml.schema(LiaisonTranslator.SCHEMA));
        String plain = new String(SecureXml.serialize(message), StandardCharsets.UTF_8);
        assertThat(plain)
                .contains("<CorrelationId>" + sent.header().correlationId() + "</CorrelationId>")
                .contains(sent.body().narrative().text());
        // Source details never leave the country; internal notes never leave the agency.
        assertThat(plain).doesNotContain("herder").doesNotContain("ALT-2025-0917");
    }

    /**
     * H2 hands identity values out of one cache for the whole database, so a large one keeps them in order
     * and spares the store H2 writes each time a cache is used up; PostgreSQL caches them per connection, so
     * there they stay one at a time and evidence ids follow the order the rows were written in.
     */
    @Test
    void identityValuesAreCachedOnlyWhereTheCacheKeepsThemInOrder() {
        boolean postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
        for (String table : List.of("evidence", "audit_event")) {
            Long cache = postgres
                    ? jdbc.queryForObject(
                            "SELECT seqcache FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence(?, 'id')::regclass",
                            Long.class,
                            table)
                    : jdbc.queryForObject(
                            "SELECT identity_cache FROM information_schema.columns"
                                    + " WHERE table_name = ? AND column_name = 'id'",
                            Long.class,
                            table);
            assertThat(cache).as(table).isEqualTo(postgres ? 1L : 4096L);
        }
    }

    /**
     * The rows every exchange writes are indexed once for each way they are looked up: no index leads with
     * the columns of another on the same table, each of which would cost an insert per row and a page per
     * commit for nothing (on H2, a foreign key's own index beside a wider one). Not {@code share}: on H2 its foreign key must keep an index on {@code exchange_id} alone
     * beside the unique one on it and the recipient.
     */
    @Test
    void theRowsOfEveryExchangeHaveNoIndexThatAnotherCovers() {
        for (String table : List.of("exchange", "evidence", "audit_event", "audit_pending", "audit_chain")) {
            Map<String, List<String>> indexes = indexColumns(table);
            assertThat(indexes).as(table).isNotEmpty();
            indexes.forEach((name, columns) -> indexes.forEach((other, wider) -> {
                if (!other.equals(name) && wider.size() >= columns.size()) {
                    assertThat(wider.subList(0, columns.size()))
                            .as("%s: %s %s leads %s %s", table, name, columns, other, wider)
                            .isNotEqualTo(columns);
                }
            }));
        }
    }

    /**
     * On PostgreSQL the driver sends a batch of inserts (an exchange's evidence, its audit queue entries) as
     * multi-row statements; on H2, which has no such setting, the connections are as H2 makes them.
     */
    @Test
    void postgresqlConnectionsRewriteBatchedInsertsIntoMultiRowStatements() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                assertThat(connection
                                .unwrap(BaseConnection.class)
                                .getQueryExecutor()
                                .isReWriteBatchedInsertsEnabled())
                        .isTrue();
            } else {
                assertThat(connection.isWrapperFor(BaseConnection.class)).isFalse();
            }
            return null;
        });
    }

    /** Each index of a table by name, with its columns in order, as JDBC's metadata lists them. */
    private Map<String, List<String>> indexColumns(String table) {
        return jdbc.execute((ConnectionCallback<Map<String, List<String>>>) connection -> {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet info = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (info.next()) {
                    if (info.getString("COLUMN_NAME") != null) {
                        columns.computeIfAbsent(info.getString("INDEX_NAME"), name -> new ArrayList<>())
                                .add(info.getString("COLUMN_NAME"));
                    }
                }
            }
            return columns;
        });
    }

    private void assertShareDelivered(UUID exchangeId, String partner) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status =
                    JSON.readTree(agency("mn-border").status(exchangeId).body());
            assertThat(status.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(share(exchangeId, partner).get("state").asText()).isEqualTo("DELIVERED");
        });
        assertThat(auditOf(exchangeId))
                .extracting(e -> e.get("step") + ":" + e.get("outcome"))
                .containsSubsequence(
                        "RECEIVE:OK", "DECIDE:RELEASED", "ACCEPT:OK", "TRANSLATE:OK", "PROTECT:OK", "DELIVER:OK");
        // The partner's answer is kept as it came, and the delivery's audit event names its digest.
        Map<String, Object> receipt = new HashMap<>(jdbc.queryForMap(
                "SELECT digest, media_type FROM evidence WHERE exchange_id = ? AND kind = 'RECEIPT'"
                        + " AND recipient_id = ?",
                exchangeId,
                partner));
        // Evidence is encrypted at rest: the store opens it.
        receipt.put(
                "content",
                evidence.find(exchangeId, EvidenceKind.RECEIPT, partner).orElseThrow());
        assertThat(new String((byte[]) receipt.get("content"), StandardCharsets.UTF_8))
                .contains("<Status>ACCEPTED</Status>");
        assertThat(receipt.get("media_type")).isEqualTo("text/xml");
        assertThat(auditOf(exchangeId))
                .filteredOn(e -> "DELIVER".equals(e.get("step")))
                .anySatisfy(e -> assertThat((String) e.get("detail")).endsWith("receipt " + receipt.get("digest")));
    }

    private JsonNode share(UUID exchangeId, String partner) throws Exception {
        JsonNode status = JSON.readTree(agency("mn-border").status(exchangeId).body());
        for (JsonNode share : status.get("shares")) {
            if (partner.equals(share.get("partner").asText())) {
                return share;
            }
        }
        throw new AssertionError("no share for " + partner + " in " + status);
    }
}
