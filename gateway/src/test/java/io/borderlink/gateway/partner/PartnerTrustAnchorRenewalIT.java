package io.borderlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.PartnerSide;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner's trust anchor replaced in place, its partner file untouched (the partner re-keyed its root under the
 * same file name): whom the gateway trusts as that partner follows the file at the next look, without a restart and
 * without waiting for new revocation data, and only once the reload has read and checked the new root.
 */
class PartnerTrustAnchorRenewalIT extends GatewayTestSupport {

    private static final Path PARTNERS = PartnerFolders.copyOfTheRealPartners();
    private static final Path RU_ROOT = PARTNERS.resolveSibling(PARTNERS.getFileName() + "-ru-liaison-root.crt.pem");

    @DynamicPropertySource
    static void ruLiaisonRootFromAFileWeMayReplace(DynamicPropertyRegistry registry) {
        PartnerFolders.replace(RU_ROOT, DevPki.file("ca/ru-liaison-root.crt.pem"));
        PartnerFolders.edit(
                PARTNERS,
                "ru-liaison.yml",
                text -> text.replace("certs-dev/ca/ru-liaison-root.crt.pem", RU_ROOT.toString()));
        partnersFrom(PARTNERS, registry);
    }

    @Test
    void aPartnerIsTrustedUnderTheRootItsFileHoldsNowNotTheOneReadFirst() {
        assertThat(push().statusCode()).isEqualTo(200);

        // Another root under the same name: RU-LIAISON's certificate no longer chains to what its file names.
        PartnerFolders.replace(RU_ROOT, DevPki.file("ca/rogue-root.crt.pem"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> refused = push();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("CERT_UNTRUSTED");
        });

        PartnerFolders.replace(RU_ROOT, DevPki.file("ca/ru-liaison-root.crt.pem"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(push().statusCode()).isEqualTo(200));
    }

    private HttpResponse<String> push() {
        return agency("ru-liaison")
                .deliverLiaison(PartnerSide.send(
                                "ru-liaison",
                                Samples.vehicleAlertFromRuLiaison(),
                                Map.of("Created", Instant.now().toString()))
                        .bytes());
    }
}
