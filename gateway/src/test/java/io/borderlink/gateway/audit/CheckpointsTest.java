package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.testkit.DevPki;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A checkpoint is checked against the certificate its row names as signer, and only one of those given. */
class CheckpointsTest {

    private static final JoseCrypto JOSE = new JoseCrypto();
    private static final X509Certificate CHECKPOINT_CERTIFICATE = DevPki.certificate("audit-checkpoint");
    private static final X509Certificate SIGNING_CERTIFICATE = DevPki.certificate("gateway");

    @Test
    void acceptsACheckpointSignedByTheCertificateItNames() {
        Checkpoint checkpoint = signed(DevPki.key("audit-checkpoint"));

        assertThat(Checkpoints.problem(checkpoint, List.of(CHECKPOINT_CERTIFICATE), JOSE))
                .isEmpty();
    }

    @Test
    void refusesACheckpointSignedByACertificateNotGiven() {
        Checkpoint checkpoint = signed(DevPki.key("gateway"));

        assertThat(Checkpoints.problem(checkpoint, List.of(CHECKPOINT_CERTIFICATE), JOSE))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains(Certificates.fingerprint(SIGNING_CERTIFICATE))
                        .contains("not among the checkpoint certificates given"));
    }

    @Test
    void acceptsCheckpointsOfTheRetiredKeyWhenItsCertificateIsGivenToo() {
        List<X509Certificate> both = List.of(CHECKPOINT_CERTIFICATE, SIGNING_CERTIFICATE);

        assertThat(Checkpoints.problem(signed(DevPki.key("gateway")), both, JOSE))
                .isEmpty();
        assertThat(Checkpoints.problem(signed(DevPki.key("audit-checkpoint")), both, JOSE))
                .isEmpty();
    }

    /** A row that names the checkpoint certificate over a statement another key signed does not verify. */
    @Test
    void refusesACheckpointWhoseSignatureIsNotByTheSignerItNames() {
        Checkpoint forged = signed(DevPki.key("gateway"));
        Checkpoint named = new Checkpoint(
                forged.id(),
                forged.seq(),
                forged.chainHash(),
                forged.signedAt(),
                Certificates.fingerprint(CHECKPOINT_CERTIFICATE),
                forged.statement(),
                null);

        assertThat(Checkpoints.problem(named, List.of(CHECKPOINT_CERTIFICATE, SIGNING_CERTIFICATE), JOSE))
                .hasValueSatisfying(problem -> assertThat(problem).contains("does not verify"));
    }

    private static Checkpoint signed(SigningKey key) {
        CheckpointStatement statement =
                new CheckpointStatement(7, "ab".repeat(32), Instant.parse("2026-12-01T10:00:00.123456Z"));
        return new Checkpoint(
                1,
                statement.seq(),
                statement.chainHash(),
                statement.signedAt(),
                Certificates.fingerprint(key.certificate()),
                JOSE.sign(statement.json(), key),
                null);
    }
}
