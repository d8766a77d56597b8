package io.borderlink.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.wco.WcoTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The INTERPOL and WCO partners in their own formats, end to end under their real policies: what each
 * stub receives decrypts with the partner's key, verifies against the gateway's certificate, and says
 * what it must and nothing it must not.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class PartnerFormatsIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JoseCrypto JOSE = new JoseCrypto();
    private static final XmlCrypto XML = new XmlCrypto();

    /** A missing-person request reaches the NCB as a JWE holding a JWS by the gateway over notice JSON. */
    @Test
    void deliversAMissingPersonToInterpolAsSignedAndEncryptedNoticeJson() throws Exception {
        Exchange missing = fresh(Samples.missingPersonFromBorderPolice());

        assertThat(agency("mn-border").submit(protect(missing, "mn-border")).statusCode())
                .isEqualTo(202);

        JsonNode notice = await().atMost(Duration.ofSeconds(15))
                .until(() -> noticeFor(missing), Optional::isPresent)
                .orElseThrow();
        Person person = missing.body().subjects(Person.class).get(0);
        assertThat(notice.toString()).contains(person.surname());
        assertThat(notice.toString()).doesNotContain("Latitude");
        assertThat(INTERPOL_NCB.received().get(0).getHeader("Content-Type")).isEqualTo("application/jose");
    }

    /** The seizure report reaches the CEN as a WCO message, signed and encrypted, with no person's name. */
    @Test
    void deliversASeizureReportToTheWcoWithoutAnyName() {
        Exchange seizure = fresh(Samples.seizureReportFromCustoms());

        assertThat(agency("mn-customs").submit(protect(seizure, "mn-customs")).statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !WCO_RILO.receivedFor(seizure.header().correlationId()).isEmpty());
        Document message = SecureXml.parse(
                WCO_RILO.receivedFor(seizure.header().correlationId()).get(0).getBody());
        XML.decrypt(message, DevPki.key("wco-rilo").privateKey());
        assertThat(XML.verify(message)).isEqualTo(DevPki.certificate("gateway"));
        SecureXml.validate(message, SecureXml.schema(WcoTranslator.SCHEMA));
        String plain = new String(SecureXml.serialize(message), StandardCharsets.UTF_8);
        assertThat(plain).contains("<Seizure");
        for (Person person : seizure.body().subjects(Person.class)) {
            assertThat(plain).doesNotContain(person.surname()).doesNotContain(person.givenNames());
        }
    }

    /** The notice whose correlation id is this exchange's, opened as the NCB would open it. */
    private Optional<JsonNode> noticeFor(Exchange exchange) throws Exception {
        for (var request : INTERPOL_NCB.received()) {
            byte[] jws = JOSE.decrypt(
                    request.getBodyAsString(), DevPki.key("interpol-ncb").privateKey());
            byte[] json = JOSE.verify(new String(jws, StandardCharsets.US_ASCII), DevPki.certificate("gateway"));
            JsonNode notice = JSON.readTree(json);
            if (notice.toString().contains(exchange.header().correlationId().toString())) {
                return Optional.of(notice);
            }
        }
        return Optional.empty();
    }
}
