package io.borderlink.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.borderlink.contracts.api.Submission;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.labels.LabelPoliciesFixture;
import io.borderlink.gateway.pki.DevTrust;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.submission.RejectedSubmissionException;
import io.borderlink.gateway.submission.SubmissionSettings;
import io.borderlink.testkit.DevPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.util.unit.DataSize;

/**
 * Agency intake against whatever bytes an authenticated agency system can send: the real verify step (hardened
 * parse, algorithm allow-list, decrypt, signature, path, schema, freshness) either accepts the document or
 * refuses it with a stable code ({@link RejectedSubmissionException} around a {@code GatewayException}).
 * Anything else — a NullPointerException, an exception from a library let through, an error — is a crash.
 * The committed corpus (src/test/resources/.../AgencyIntakeFuzzTestInputs) holds protected samples and the
 * hostile shapes they were mutated into; it runs in the test command, {@code JAZZER_FUZZ=1} fuzzes.
 */
class AgencyIntakeFuzzTest {

    private static final X509Certificate BORDER_POLICE = DevPki.certificate("mn-border");
    private static final OutboundVerifier VERIFIER = new OutboundVerifier(
            new XmlCrypto(),
            new GatewayKeys(
                    DevPki.key("gateway"),
                    DevPki.key("gateway-enc"),
                    Optional.of(DevPki.key("gateway-ec")),
                    Optional.of(DevPki.key("gateway-enc-ec")),
                    Optional.empty(),
                    List.of()),
            DevTrust.create(),
            // No agency is registered: a document that survives every check up to the binding is refused there,
            // which is still an answer with a code.
            new Agencies(AgencyDirectory.load(Path.of("target/no-agencies"), null)),
            new SubmissionSettings(
                    Duration.ofDays(36500),
                    Duration.ofMinutes(1),
                    DataSize.ofMegabytes(1),
                    0,
                    Duration.ofSeconds(10),
                    32),
            LabelPoliciesFixture.intake(),
            Clock.systemUTC());

    @FuzzTest
    void everySubmissionIsVerifiedOrRefusedWithAStableCode(byte[] document) {
        try {
            VERIFIER.verify(new Submission(document, BORDER_POLICE, "REST"));
        } catch (RejectedSubmissionException refused) {
            assertThat(refused.code()).isNotNull();
        }
    }
}
