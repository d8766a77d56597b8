package io.borderlink.gateway.audit;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads checkpoints with their anchors, and checks one against the certificates that may have signed it. */
@Component
class Checkpoints {

    private static final String SELECT =
            """
            SELECT k.id, k.seq, k.chain_hash, k.signed_at, k.signer_certificate, k.statement, a.tsa, a.stamped_at, a.token
            FROM audit_checkpoint k LEFT JOIN audit_anchor a ON a.checkpoint_id = k.id""";

    private final JdbcTemplate jdbc;
    private final JoseCrypto jose;

    Checkpoints(JdbcTemplate jdbc, JoseCrypto jose) {
        this.jdbc = jdbc;
        this.jose = jose;
    }

    /** The newest first. */
    List<Checkpoint> latest(int limit) {
        return jdbc.query(SELECT + " ORDER BY k.seq DESC LIMIT ?", Checkpoints::read, limit);
    }

    Optional<Checkpoint> find(long id) {
        return jdbc.query(SELECT + " WHERE k.id = ?", Checkpoints::read, id).stream()
                .findFirst();
    }

    /** Checkpoints at or after an entry, in chain order, a page at a time. */
    List<Checkpoint> from(long seq, int limit) {
        return jdbc.query(SELECT + " WHERE k.seq >= ? ORDER BY k.seq LIMIT ?", Checkpoints::read, seq, limit);
    }

    /** Checkpoints between two entries, both included, in chain order. */
    List<Checkpoint> between(long first, long last) {
        return jdbc.query(SELECT + " WHERE k.seq BETWEEN ? AND ? ORDER BY k.seq", Checkpoints::read, first, last);
    }

    /** The first checkpoint at or after an entry: the one that proves it. */
    Optional<Checkpoint> covering(long seq) {
        return from(seq, 1).stream().findFirst();
    }

    /** The last checkpoint before an entry, where a slice of the chain starting at it can begin. */
    Optional<Checkpoint> before(long seq) {
        return jdbc.query(SELECT + " WHERE k.seq < ? ORDER BY k.seq DESC LIMIT 1", Checkpoints::read, seq).stream()
                .findFirst();
    }

    /**
     * Why a checkpoint cannot be believed, if it cannot: it names a signer that is none of the certificates
     * given, its signature does not verify with that certificate, or its statement says something other than
     * its row.
     */
    Optional<String> problem(Checkpoint checkpoint, List<X509Certificate> signers) {
        return problem(checkpoint, signers, jose);
    }

    static Optional<String> problem(Checkpoint checkpoint, List<X509Certificate> signers, JoseCrypto jose) {
        Optional<X509Certificate> signer = signers.stream()
                .filter(c -> Certificates.fingerprint(c).equals(checkpoint.signerCertificate()))
                .findFirst();
        if (signer.isEmpty()) {
            return Optional.of("checkpoint " + checkpoint.id() + " is signed by the certificate with SHA-256 "
                    + checkpoint.signerCertificate() + ", which is not among the checkpoint certificates given");
        }
        CheckpointStatement statement;
        try {
            statement = CheckpointStatement.parse(jose.verify(checkpoint.statement(), signer.get()));
        } catch (GatewayException | IllegalArgumentException e) {
            return Optional.of("checkpoint " + checkpoint.id() + " does not verify: " + e.getMessage());
        }
        if (statement.seq() != checkpoint.seq()
                || !statement.chainHash().equals(checkpoint.chainHash())
                || !statement.signedAt().equals(checkpoint.signedAt())) {
            return Optional.of("checkpoint " + checkpoint.id() + " signed entry " + statement.seq() + " with "
                    + statement.chainHash() + " at " + statement.signedAt() + ", but says entry " + checkpoint.seq()
                    + " with " + checkpoint.chainHash() + " at " + checkpoint.signedAt());
        }
        return Optional.empty();
    }

    /** A statement is ASCII (compact JWS); a time-stamp covers these bytes. */
    static byte[] stamped(Checkpoint checkpoint) {
        return checkpoint.statement().getBytes(StandardCharsets.US_ASCII);
    }

    private static Checkpoint read(ResultSet rs, int row) throws SQLException {
        byte[] token = rs.getBytes("token");
        return new Checkpoint(
                rs.getLong("id"),
                rs.getLong("seq"),
                rs.getString("chain_hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                rs.getString("signer_certificate"),
                rs.getString("statement"),
                token == null
                        ? null
                        : new Checkpoint.Anchor(
                                rs.getString("tsa"),
                                rs.getObject("stamped_at", OffsetDateTime.class).toInstant(),
                                token));
    }
}
