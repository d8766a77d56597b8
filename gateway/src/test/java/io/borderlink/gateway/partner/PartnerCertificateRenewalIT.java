package io.borderlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner's certificate replaced in place, its partner file untouched (a renewal under the same name): who may
 * push to us as that partner follows the file without a restart, and a file that no longer holds a certificate is
 * refused once, audited, with the configuration in force kept (and reported on by the health of the certificates).
 */
class PartnerCertificateRenewalIT extends GatewayTestSupport {

    private static final Path PARTNERS = PartnerFolders.copyOfTheRealPartners();
    private static final Path RU_CERTIFICATE = PartnerFolders.ownCopy(PARTNERS, "ru-liaison.yml", "ru-liaison.crt.pem");

    @Autowired
    private Partners partners;

    @DynamicPropertySource
    static void ruLiaisonRegisteredFromAFileWeMayReplace(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
    }

    @Test
    void pushesFollowACertificateRenewedInPlaceAndABrokenOneIsRefusedOnce() throws Exception {
        assertThat(pushFromRuLiaison().statusCode()).isEqualTo(200);

        // INTERPOL-NCB's certificate stands for the renewed one: nobody pushes with it, so it is free to take.
        PartnerFolders.replace(RU_CERTIFICATE, DevPki.file("interpol-ncb.crt.pem"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(partners.current().byCertificate(DevPki.certificate("interpol-ncb")))
                        .map(Partner::id)
                        .contains("RU-LIAISON"));
        assertThat(partners.current().byCertificate(DevPki.certificate("ru-liaison")))
                .isEmpty();
        HttpResponse<String> withTheOldCertificate = pushFromRuLiaison();
        assertThat(withTheOldCertificate.statusCode()).isEqualTo(403);
        assertThat(withTheOldCertificate.body()).contains("ACCESS_DENIED");

        Files.writeString(RU_CERTIFICATE, "not a certificate");
        await().atMost(Duration.ofSeconds(10)).until(() -> !refusals().isEmpty());
        // Five more looks at the same broken file refuse nothing more.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> refusals().size() == 1);
        assertThat(refusals())
                .singleElement()
                .asString()
                .contains("RU-LIAISON: cannot read its certificate " + RU_CERTIFICATE);
        assertThat(partners.current().byCertificate(DevPki.certificate("interpol-ncb")))
                .map(Partner::id)
                .contains("RU-LIAISON");
        // The health report speaks of the certificates in force, not of the broken file behind them.
        HttpResponse<String> trust = agency("admin-1").get("/actuator/health/trust");
        assertThat(trust.statusCode()).as(trust.body()).isEqualTo(200);
        assertThat(trust.body()).doesNotContain("DOWN");
    }

    private List<String> refusals() {
        return jdbc.queryForList(
                "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'REJECTED'"
                        + " AND code = 'CONFIGURATION_INVALID'",
                String.class);
    }
}
