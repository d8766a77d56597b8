package io.borderlink.gateway.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.PartnerFolders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A dead letter is resent only as it was decided: once the policy in force denies what it would send, the resend
 * is refused with VIEW_CHANGED, audited with the share's exchange and recipient, and the share stays a dead letter.
 */
class DeadLetterPolicyChangeIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The test profile's partner files (fast retries, a policy that releases H2), in a folder of this test's own. */
    private static final Path PARTNERS = PartnerFolders.copyOf(Path.of("gateway/src/test/resources/config/partners"));

    @DynamicPropertySource
    static void partnersOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
    }

    @Test
    void refusesToResendADeadLetterThePolicyInForceNowDenies() throws Exception {
        RU_LIAISON.answer(503);
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        UUID exchangeId = incident.header().exchangeId();
        UUID shareId = jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'", UUID.class, exchangeId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD_LETTER".equals(state(shareId)));

        PartnerFolders.edit(PARTNERS, "ru-liaison.yml", yaml -> yaml.replace("version: \"test\"", "version: \"test-2\"")
                .replace("H2: RELEASE", "H2: DENY"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_event WHERE step = 'POLICY' AND outcome = 'OK'"
                                        + " AND detail LIKE '%RU-LIAISON test-2@%'",
                                Integer.class)
                        > 0);
        RU_LIAISON.answer(200);
        HttpResponse<String> refused =
                GatewayClient.as("admin-1", port).postJson("/api/v1/dead-letters/" + shareId + "/resend", "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("VIEW_CHANGED");
        assertThat(state(shareId)).isEqualTo("DEAD_LETTER");
        assertThat(jdbc.queryForList(
                        "SELECT partner_id, code, actor FROM audit_event WHERE step = 'DEAD_LETTER_ADMIN'"
                                + " AND exchange_id = ?",
                        exchangeId))
                .containsExactly(Map.of("partner_id", "RU-LIAISON", "code", "VIEW_CHANGED", "actor", "admin-1"));
    }

    private String state(UUID shareId) {
        return jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, shareId);
    }
}
