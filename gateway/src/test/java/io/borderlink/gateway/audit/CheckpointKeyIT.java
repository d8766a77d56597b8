package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.gateway.cli.BorderlinkCommand;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints are signed by the checkpoint key of their own, never the outbound signing key; the offline
 * verifier accepts them only against the checkpoint certificates the auditor names, so a trail whose
 * checkpoints began under the signing key verifies when the auditor names both. The gateway's own
 * verification accepts the retired signer it is configured with.
 */
@TestPropertySource(
        properties = {
            "borderlink.audit.sequence-interval=1h",
            "borderlink.audit.anchor-interval=1h",
            "borderlink.pki.retired-checkpoint-certificates=certs-dev/gateway.crt.pem"
        })
class CheckpointKeyIT extends GatewayTestSupport {

    private static final X509Certificate CHECKPOINT = DevPki.certificate("audit-checkpoint");
    private static final X509Certificate SIGNING = DevPki.certificate("gateway");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    AuditVerification verification;

    @Autowired
    GatewayKeys keys;

    @Autowired
    JoseCrypto jose;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditSettings settings;

    @Autowired
    Clock clock;

    @TempDir
    Path tmp;

    @BeforeEach
    void emptyTrail() {
        AuditTables.empty(jdbc);
    }

    @Test
    void signsCheckpointsWithTheCheckpointKeyNotTheSigningKey() {
        record(3);
        sequencer.seal();

        Checkpoint checkpoint = verification.checkpoints(1).get(0);
        assertThat(checkpoint.signerCertificate())
                .isEqualTo(Certificates.fingerprint(CHECKPOINT))
                .isNotEqualTo(Certificates.fingerprint(SIGNING));
        assertThat(jose.verify(checkpoint.statement(), CHECKPOINT)).isNotEmpty();
        assertThatThrownBy(() -> jose.verify(checkpoint.statement(), SIGNING)).isInstanceOf(GatewayException.class);
        assertThat(verification.verify(null).intact()).isTrue();
    }

    @Test
    void offlineVerifierRefusesACheckpointSignedByACertificateItWasNotGiven() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        record(3);
        sequencer.seal();
        Path bundle = exportUntilNow(from);

        BundleVerifier.Report withSigningCertificate = offline(SIGNING).verify(bundle);

        assertThat(withSigningCertificate.intact()).isFalse();
        assertThat(withSigningCertificate.problems()).anySatisfy(p -> assertThat(p)
                .contains(Certificates.fingerprint(CHECKPOINT))
                .contains("not among the checkpoint certificates given"));
        assertThat(offline(CHECKPOINT).verify(bundle).problems()).isEmpty();
        assertThat(verifyCommand(bundle, "certs-dev/gateway.crt.pem")).isEqualTo(1);
        assertThat(verifyCommand(bundle, "certs-dev/audit-checkpoint.crt.pem")).isZero();
    }

    /** Checkpoints signed by the signing key before the checkpoint key existed, then by the checkpoint key. */
    @Test
    void verifiesCheckpointsOfTheKeyBeforeWhenTheAuditorNamesItToo() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        GatewayKeys before = new GatewayKeys(keys.signing(), keys.encryption());
        record(3);
        new AuditSequencer(jdbc, transactions, jose, before, settings, clock).seal();
        record(3);
        sequencer.seal();
        assertThat(jdbc.queryForList("SELECT signer_certificate FROM audit_checkpoint ORDER BY seq", String.class))
                .containsExactly(Certificates.fingerprint(SIGNING), Certificates.fingerprint(CHECKPOINT));
        Path bundle = exportUntilNow(from);

        assertThat(offline(CHECKPOINT, SIGNING).verify(bundle).problems()).isEmpty();
        assertThat(offline(CHECKPOINT).verify(bundle).problems())
                .anySatisfy(p -> assertThat(p).contains(Certificates.fingerprint(SIGNING)));
        assertThat(verification.verify(null).intact())
                .as("the gateway's own verification accepts its retired checkpoint signer")
                .isTrue();
    }

    private void record(int events) {
        for (int i = 0; i < events; i++) {
            trail.record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()).actor("MN-BORDER", null));
        }
    }

    private Path exportUntilNow(Instant from) throws Exception {
        HttpResponse<byte[]> response = agency("auditor-1")
                .postJsonForBytes(
                        "/api/v1/audit/exports",
                        "{\"from\":\"" + from + "\",\"to\":\"" + Instant.now().plusSeconds(1) + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        Path bundle = tmp.resolve("range-" + UUID.randomUUID() + ".zip");
        Files.write(bundle, response.body());
        return bundle;
    }

    private static BundleVerifier offline(X509Certificate... checkpointSigners) {
        return new BundleVerifier(List.of(DevPki.ca("national-root")), List.of(checkpointSigners), List.of());
    }

    private static int verifyCommand(Path bundle, String checkpointCertificate) {
        return BorderlinkCommand.run(
                "verify",
                "--bundle",
                bundle.toString(),
                "--trust",
                "certs-dev/ca/national-root.crt.pem",
                "--checkpoint-certificate",
                checkpointCertificate);
    }
}
