package io.borderlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.PartnerStub;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;

/**
 * A new format is one class and its registration: {@link BulletinFormat}, written for this test only and
 * registered as one more bean, is named by a partner file like any format of the product, and an
 * exchange for that partner goes through the real outbox, signed and encrypted as the format says, in
 * the format's own HTTP envelope, to a loopback endpoint. Nothing else in the product knows of it.
 */
class FormatAddedByRegistrationIT extends GatewayTestSupport {

    private static final XmlCrypto XML = new XmlCrypto();
    private static final PartnerStub CN_BULLETIN = PartnerStub.start("cn-liaison", "/bulletins");
    private static final Path PARTNERS = partnersWithTheBulletinDesk();

    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        BulletinFormat bulletinFormat() {
            return new BulletinFormat();
        }
    }

    @DynamicPropertySource
    static void partnersWithTheNewFormat(DynamicPropertyRegistry registry) {
        registry.add("borderlink.config.partners", PARTNERS::toString);
        registry.add("borderlink.partner.cn-bulletin.endpoint", CN_BULLETIN::endpoint);
    }

    @Test
    void deliversInAFormatRegisteredAsOneMoreBean() {
        Exchange alert = alertForTheBulletinDesk();
        UUID correlationId = alert.header().correlationId();

        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !CN_BULLETIN.receivedFor(correlationId).isEmpty());
        LoggedRequest request = CN_BULLETIN.receivedFor(correlationId).get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo(BulletinFormat.CONTENT_TYPE);
        assertThat(request.getHeader("X-Bulletin-Version")).isEqualTo("1");
        String narrative = alert.body().narrative().text();
        assertThat(request.getBodyAsString())
                .contains("<Category>VEHICLE_ALERT</Category>")
                .doesNotContain(narrative);

        Document bulletin = SecureXml.parse(request.getBody());
        XML.decrypt(bulletin, DevPki.key("cn-liaison").privateKey());
        assertThat(XML.verify(bulletin)).isEqualTo(DevPki.certificate("gateway"));
        assertThat(bulletin.getDocumentElement().getNamespaceURI()).isEqualTo(BulletinFormat.NAMESPACE);
        assertThat(new String(SecureXml.serialize(bulletin), StandardCharsets.UTF_8))
                .contains("<Text>" + narrative + "</Text>");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = 'CN-BULLETIN'",
                        String.class,
                        alert.header().exchangeId()))
                .isEqualTo("DELIVERED"));
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE exchange_id = ? AND partner_id = ? AND step = 'TRANSLATE'",
                        String.class,
                        alert.header().exchangeId(),
                        "CN-BULLETIN"))
                .containsExactly("view translated to BULLETIN_XML");
        assertThat(jdbc.queryForList(
                        "SELECT media_type FROM evidence WHERE exchange_id = ? AND recipient_id = ? AND kind = 'SENT'",
                        String.class,
                        alert.header().exchangeId(),
                        "CN-BULLETIN"))
                .containsExactly("application/xml");
    }

    /** The border police's stolen-vehicle alert, addressed to the bulletin desk only. */
    private static Exchange alertForTheBulletinDesk() {
        String sample = new String(Samples.vehicleAlertFromBorderPolice(), StandardCharsets.UTF_8);
        String addressed = sample.replace(
                "<Addressee>RU-LIAISON</Addressee>\n      <Addressee>CN-LIAISON</Addressee>",
                "<Addressee>CN-BULLETIN</Addressee>");
        assertThat(addressed).isNotEqualTo(sample);
        return fresh(addressed.getBytes(StandardCharsets.UTF_8));
    }

    private static Path partnersWithTheBulletinDesk() {
        Path partners = PartnerFolders.copyOfTheRealPartners();
        try (InputStream in = FormatAddedByRegistrationIT.class.getResourceAsStream("/partners/cn-bulletin.yml")) {
            PartnerFolders.write(partners, "cn-bulletin.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partners;
    }
}
