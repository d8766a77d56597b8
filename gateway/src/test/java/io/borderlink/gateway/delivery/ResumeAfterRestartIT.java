package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.BorderlinkApplication;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.PartnerStub;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing accepted is lost when a gateway stops: a restarted node resumes unfinished deliveries from the
 * database, and a share leased by a node that died is taken over once the lease has run out.
 */
class ResumeAfterRestartIT {

    private static final PartnerStub RU_LIAISON = PartnerStub.start("ru-liaison");
    private static final AgencyDocuments AGENCY = new AgencyDocuments(new XmlCrypto());

    @AfterAll
    static void stopPartner() {
        RU_LIAISON.close();
    }

    /** Node A accepts while the partner is down and stops; node B, on the same database, delivers. */
    @Test
    void resumesAnUnfinishedDeliveryAfterARestart() {
        String database = TestPostgres.shared().createDatabase("resume");
        RU_LIAISON.answer(503);
        Exchange incident = fresh();
        try (ConfigurableApplicationContext nodeA = gateway(database, "node-a")) {
            assertThat(submit(nodeA, incident)).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> !RU_LIAISON
                    .receivedFor(incident.header().correlationId())
                    .isEmpty());
        }
        RU_LIAISON.answer(200);

        try (ConfigurableApplicationContext nodeB = gateway(database, "node-b")) {
            JdbcTemplate jdbc = nodeB.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(share(jdbc, incident)).containsEntry("state", "DELIVERED"));
            assertThat(jdbc.queryForList(
                            "SELECT node FROM audit_event WHERE exchange_id = ? AND step = 'DELIVER' AND outcome = 'OK'",
                            String.class,
                            incident.header().exchangeId()))
                    .containsExactly("node-b");
        }
    }

    /** A share leased by a node that died is left alone until the lease expires, then delivered. */
    @Test
    void takesOverAShareLeasedByANodeThatDied() {
        String database = TestPostgres.shared().createDatabase("takeover");
        RU_LIAISON.answer(503);
        Exchange incident = fresh();
        try (ConfigurableApplicationContext node = gateway(database, "node-c")) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(submit(node, incident)).isEqualTo(202);
            OffsetDateTime leaseEnd = OffsetDateTime.now().plusSeconds(3);
            // The dead node grabs the share between two of our attempts, then never comes back.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.update(
                                    """
                            UPDATE share SET lease_owner = 'node-dead', lease_until = ?
                            WHERE exchange_id = ? AND lease_owner IS NULL AND attempts >= 1""",
                                    leaseEnd,
                                    incident.header().exchangeId())
                            == 1);
            RU_LIAISON.answer(200);

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(share(jdbc, incident)).containsEntry("state", "DELIVERED"));
            OffsetDateTime deliveredAt = jdbc.queryForObject(
                    "SELECT delivered_at FROM share WHERE exchange_id = ?",
                    OffsetDateTime.class,
                    incident.header().exchangeId());
            assertThat(deliveredAt).isAfterOrEqualTo(leaseEnd);
        }
    }

    private static ConfigurableApplicationContext gateway(String database, String node) {
        TestPostgres postgres = TestPostgres.shared();
        // Command-line arguments, so that they win over the test profile's in-memory database.
        return new SpringApplicationBuilder(BorderlinkApplication.class)
                .profiles("dev", "test")
                .run(
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--server.port=0",
                        "--borderlink.cluster.node-id=" + node,
                        "--borderlink.partner.ru-liaison.endpoint=" + RU_LIAISON.endpoint(),
                        "--borderlink.partner.cn-liaison.endpoint=" + RU_LIAISON.endpoint(),
                        "--test.ru-liaison.max-attempts=100");
    }

    private static int submit(ConfigurableApplicationContext gateway, Exchange exchange) {
        int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        byte[] document = AGENCY.protect(
                exchange, DevPki.key("mn-border"), DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);
        return GatewayClient.as("mn-border", port).submit(document).statusCode();
    }

    private static Exchange fresh() {
        return AgencyDocuments.fresh(
                ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice())), Instant.now());
    }

    private static Map<String, Object> share(JdbcTemplate jdbc, Exchange exchange) {
        return jdbc.queryForMap(
                "SELECT state, attempts FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'",
                exchange.header().exchangeId());
    }
}
