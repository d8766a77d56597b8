package io.borderlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final Path RU_ROOT =
            PartnerFolders.ownCopy(PARTNERS, "ru-liaison.yml", "ca/ru-liaison-root.crt.pem");

    @DynamicPropertySource
    static void ruLiaisonRootFromAFileWeMayReplace(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
    }

    @Test
    void aPartnerIsTrustedUnderTheRootItsFileHoldsNowNotTheOneReadFirst() {
        assertThat(pushFromRuLiaison().statusCode()).isEqualTo(200);

        // Another root under the same name: RU-LIAISON's certificate no longer chains to what its file names.
        PartnerFolders.replace(RU_ROOT, DevPki.file("ca/rogue-root.crt.pem"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> refused = pushFromRuLiaison();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("CERT_UNTRUSTED");
        });

        PartnerFolders.replace(RU_ROOT, DevPki.file("ca/ru-liaison-root.crt.pem"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(pushFromRuLiaison().statusCode()).isEqualTo(200));
    }
}
