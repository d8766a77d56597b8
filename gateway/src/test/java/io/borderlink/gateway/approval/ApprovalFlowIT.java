package io.borderlink.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Held shares become tasks for liaison officers, under the real partner policies. Officers sign in with
 * their certs-dev certificates; every rule of who may decide what is checked by the server.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class ApprovalFlowIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A wanted person for RU-LIAISON needs one officer; officer-2 approves and Kyakhta receives it. */
    @Test
    void releasesASingleApprovalShareOnceAnOfficerApproves() throws Exception {
        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice(), "mn-border");
        UUID task = task(wanted, "RU-LIAISON");
        JsonNode details = read(agency("officer-2").get("/api/v1/approvals/" + task));
        assertThat(details.get("approversRequired").asInt()).isEqualTo(1);
        assertThat(details.get("rendered").asText()).contains("<LiaisonMessage");
        assertThat(details.get("diff").toString()).contains("REMOVED");

        HttpResponse<String> approved =
                decide("officer-2", task, "approve", details.get("viewDigest").asText());

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(read(approved).get("state").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !RU_LIAISON.receivedFor(wanted.header().correlationId()).isEmpty());
        String statement = jdbc.queryForObject("SELECT statement FROM approval WHERE share_id = ?", String.class, task);
        assertThat(statement.split("\\.")).hasSize(3);
    }

    /** The RESTRICTED, H2 border incident needs two distinct officers: one approval holds, the second releases. */
    @Test
    void releasesAFourEyesShareOnlyAfterTwoDistinctOfficers() throws Exception {
        Exchange incident = submitted(Samples.borderIncidentFromBorderPolice(), "mn-border");
        UUID task = task(incident, "RU-LIAISON");
        String digest = digest(task);

        JsonNode first = read(decide("officer-1", task, "approve", digest));
        HttpResponse<String> again = decide("officer-1", task, "approve", digest);

        assertThat(first.get("state").asText()).isEqualTo("HELD");
        assertThat(first.get("approvals").asInt()).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again).get("code").asText()).isEqualTo("APPROVAL_DUPLICATE");
        assertThat(RU_LIAISON.receivedFor(incident.header().correlationId())).isEmpty();

        JsonNode second = read(decide("officer-2", task, "approve", digest));

        assertThat(second.get("state").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(15)).until(() -> !RU_LIAISON
                .receivedFor(incident.header().correlationId())
                .isEmpty());
    }

    /** officer-1 is seconded from customs and may not decide a share customs originated. */
    @Test
    void refusesAnOfficerDecidingTheirOwnAgencysShare() throws Exception {
        Exchange wildlife = submitted(Samples.wildlifeTraffickingFromCustoms(), "mn-customs");
        UUID task = task(wildlife, "CN-LIAISON");

        HttpResponse<String> refused = decide("officer-1", task, "approve", digest(task));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(read(refused).get("code").asText()).isEqualTo("APPROVAL_NOT_ALLOWED");
        assertThat(state(task)).isEqualTo("HELD");
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE exchange_id = ? AND step = 'APPROVAL'",
                        String.class,
                        wildlife.header().exchangeId()))
                .contains("APPROVAL_NOT_ALLOWED");
    }

    /** An administrator cannot approve; an auditor can read a task but not decide; an agency sees no tasks. */
    @Test
    void separatesRolesOnTheServer() throws Exception {
        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice(), "mn-border");
        UUID task = task(wanted, "RU-LIAISON");
        String digest = digest(task);

        assertThat(decide("admin-1", task, "approve", digest).statusCode()).isEqualTo(403);
        assertThat(agency("auditor-1").get("/api/v1/approvals/" + task).statusCode())
                .isEqualTo(200);
        assertThat(decide("auditor-1", task, "approve", digest).statusCode()).isEqualTo(403);
        assertThat(agency("mn-border").get("/api/v1/approvals").statusCode()).isEqualTo(403);
        assertThat(state(task)).isEqualTo("HELD");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE step = 'ACCESS'", String.class))
                .anySatisfy(actor -> assertThat(actor).contains("CN=admin-1"))
                .anySatisfy(actor -> assertThat(actor).contains("CN=auditor-1"));
    }

    /** A rejection needs a reason, ends the task and sends nothing. */
    @Test
    void rejectsWithAReasonAndSendsNothing() throws Exception {
        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice(), "mn-border");
        UUID task = task(wanted, "RU-LIAISON");
        String digest = digest(task);

        HttpResponse<String> noReason = agency("officer-2")
                .postJson(
                        "/api/v1/approvals/" + task + "/reject",
                        "{\"viewDigest\":\"" + digest + "\",\"reason\":\" \"}");
        HttpResponse<String> rejected = decide("officer-2", task, "reject", digest);

        assertThat(read(noReason).get("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(read(rejected).get("state").asText()).isEqualTo("REJECTED");
        assertThat(decide("officer-1", task, "approve", digest).statusCode()).isEqualTo(409);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> RU_LIAISON
                .receivedFor(wanted.header().correlationId())
                .isEmpty());
    }

    /** An approval names the view it was given for; any other digest is refused and audited, and nothing counts. */
    @Test
    void refusesAnApprovalForAViewTheOfficerWasNotShown() throws Exception {
        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice(), "mn-border");
        UUID task = task(wanted, "RU-LIAISON");

        HttpResponse<String> refused = decide("officer-2", task, "approve", "0".repeat(64));

        assertThat(read(refused).get("code").asText()).isEqualTo("VIEW_CHANGED");
        assertThat(state(task)).isEqualTo("HELD");
        assertThat(auditOf(wanted.header().exchangeId())).anySatisfy(e -> assertThat(e)
                .containsEntry("step", "APPROVAL")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("code", "VIEW_CHANGED")
                .containsEntry("actor", "officer-2"));
    }

    /** A decision on a share that does not exist is refused as not found, and audited with the officer. */
    @Test
    void refusesAndAuditsADecisionOnAnUnknownShare() throws Exception {
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> refused = decide("officer-2", unknown, "approve", "0".repeat(64));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(read(refused).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'APPROVAL' AND outcome = 'REJECTED'"
                                + " AND code = 'NOT_FOUND' AND actor = 'officer-2'",
                        String.class))
                .anySatisfy(detail -> assertThat(detail).startsWith("share " + unknown + ": "));
    }

    /** Two officers approving one single-approval task at the same moment give exactly one release. */
    @Test
    void givesExactlyOneOutcomeWhenTwoOfficersActAtOnce() throws Exception {
        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice(), "mn-border");
        UUID task = task(wanted, "RU-LIAISON");
        String digest = digest(task);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = List.of("officer-1", "officer-2").stream()
                    .map(officer -> officers.submit(() -> {
                        start.await();
                        return decide(officer, task, "approve", digest);
                    }))
                    .toList();
            start.countDown();
            List<Integer> statuses = List.of(
                    answers.get(0).get().statusCode(), answers.get(1).get().statusCode());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            officers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM approval WHERE share_id = ?", Integer.class, task))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        RU_LIAISON.receivedFor(wanted.header().correlationId()).size() == 1);
    }

    private Exchange submitted(byte[] sample, String agency) {
        Exchange exchange = fresh(sample);
        assertThat(agency(agency).submit(protect(exchange, agency)).statusCode())
                .isEqualTo(202);
        return exchange;
    }

    private UUID task(Exchange exchange, String partner) {
        return jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = ? AND state = 'HELD'",
                UUID.class,
                exchange.header().exchangeId(),
                partner);
    }

    private String digest(UUID task) throws Exception {
        return read(agency("officer-2").get("/api/v1/approvals/" + task))
                .get("viewDigest")
                .asText();
    }

    private String state(UUID task) {
        return jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, task);
    }

    private HttpResponse<String> decide(String officer, UUID task, String action, String digest) {
        return agency(officer)
                .postJson(
                        "/api/v1/approvals/" + task + "/" + action,
                        "{\"viewDigest\":\"" + digest
                                + "\",\"reason\":\"Checked against the patrol report; releasable.\"}");
    }

    private static JsonNode read(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
