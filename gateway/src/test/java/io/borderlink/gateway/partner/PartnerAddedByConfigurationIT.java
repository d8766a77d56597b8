package io.borderlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.PartnerStub;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.PartnerSide;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;

/**
 * A new partner is one YAML file: dropped into the partners folder of a running gateway, with no code and
 * no restart, it takes part in the very next exchange, delivered in its format, signed by the gateway and
 * encrypted to it.
 */
class PartnerAddedByConfigurationIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PARTNERS = PartnerFolders.copyOfTheRealPartners();
    private static final PartnerStub CN_CUSTOMS = PartnerStub.start("cn-liaison");

    @DynamicPropertySource
    static void partnersOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
        registry.add("borderlink.partner.cn-customs.endpoint", CN_CUSTOMS::endpoint);
    }

    @Test
    void deliversToAPartnerWhoseFileAppearsWhileTheGatewayRuns() throws Exception {
        assertThat(dryRunFor(alertForErenhotCustoms()).get("ruleId").asText()).isEqualTo("partner-known");

        PartnerFolders.write(PARTNERS, "cn-customs.yml", resource("/partners/cn-customs.yml"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        dryRunFor(alertForErenhotCustoms()).get("decision").asText())
                .isEqualTo("RELEASE"));
        Exchange alert = alertForErenhotCustoms();
        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);

        UUID correlationId = alert.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !CN_CUSTOMS.receivedFor(correlationId).isEmpty());
        PartnerSide.Opened opened =
                PartnerSide.open(CN_CUSTOMS.receivedFor(correlationId).get(0).getBody(), "cn-liaison");
        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway"));
        Document message = opened.message();
        SecureXml.validate(message, SecureXml.schema(LiaisonTranslator.SCHEMA));
        assertThat(new String(SecureXml.serialize(message), StandardCharsets.UTF_8))
                .contains("<CorrelationId>" + correlationId + "</CorrelationId>");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(shareOf(alert, "CN-CUSTOMS")).isEqualTo("DELIVERED"));
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'OK'", String.class))
                .anySatisfy(detail -> assertThat(detail).contains("CN-CUSTOMS 2026-11-27.1@"));
    }

    /** The border police's stolen-vehicle alert, addressed to Erenhot customs instead of the CN liaison office. */
    private static Exchange alertForErenhotCustoms() {
        String sample = new String(Samples.vehicleAlertFromBorderPolice(), StandardCharsets.UTF_8);
        String addressed = sample.replace("<Addressee>CN-LIAISON</Addressee>", "<Addressee>CN-CUSTOMS</Addressee>");
        assertThat(addressed).isNotEqualTo(sample);
        return fresh(addressed.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode dryRunFor(Exchange exchange) throws Exception {
        String body = agency("mn-border")
                .dryRun(ExchangeXml.write(exchange), "CN-CUSTOMS")
                .body();
        return JSON.readTree(body).get("decisions").get(0);
    }

    private String shareOf(Exchange exchange, String partner) throws Exception {
        JsonNode status = JSON.readTree(
                agency("mn-border").status(exchange.header().exchangeId()).body());
        for (JsonNode share : status.get("shares")) {
            if (partner.equals(share.get("partner").asText())) {
                return share.get("state").asText();
            }
        }
        throw new AssertionError("no share for " + partner + " in " + status);
    }

    private static String resource(String path) {
        try (InputStream in = PartnerAddedByConfigurationIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
