package io.borderlink.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A node that sees fewer cluster members than {@code borderlink.cluster.minimum-members} — alone here, as
 * on the minority side of a split brain — cannot count partner rates, so it holds what it would otherwise
 * release against a count of its own; an officer can still release them.
 */
@TestPropertySource(properties = {"borderlink.config.partners=config/partners", "borderlink.cluster.minimum-members=2"})
class SplitBrainMinorityIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void holdsRateLimitedSharesAndStillLetsAnOfficerReleaseThem() throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);

        UUID task = jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND partner_id = 'CN-LIAISON'",
                UUID.class,
                alert.header().exchangeId());
        assertThat(jdbc.queryForMap("SELECT state, rule_id FROM share WHERE id = ?", task))
                .containsEntry("state", "HELD")
                .containsEntry("rule_id", "rate-limit");

        JsonNode details = JSON.readTree(
                agency("officer-2").get("/api/v1/approvals/" + task).body());
        String approval = "{\"viewDigest\":\"" + details.get("viewDigest").asText()
                + "\",\"reason\":\"Rate could not be counted during the partition; checked by hand.\"}";
        assertThat(agency("officer-2")
                        .postJson("/api/v1/approvals/" + task + "/approve", approval)
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !CN_LIAISON.receivedFor(alert.header().correlationId()).isEmpty());
    }
}
