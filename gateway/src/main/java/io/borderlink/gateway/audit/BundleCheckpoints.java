package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.TimeStamps;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle's checkpoints, checked offline: each against the checkpoint certificate the auditor names for its
 * signer (never one the bundle carries, which could be anyone's), and its time-stamp against the authority
 * the auditor names. A trail whose checkpoint key was rotated holds checkpoints of both keys; each names its
 * signer's fingerprint, and verifies when the auditor names that certificate too.
 */
final class BundleCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<X509Certificate> signers;
    private final List<X509Certificate> tsaTrust;
    private final boolean trustBundledTsa;
    private final JoseCrypto jose = new JoseCrypto();

    BundleCheckpoints(List<X509Certificate> signers, List<X509Certificate> tsaTrust, boolean trustBundledTsa) {
        this.signers = List.copyOf(signers);
        this.tsaTrust = List.copyOf(tsaTrust);
        this.trustBundledTsa = trustBundledTsa;
    }

    /** The checkpoints whose signature verifies, by the entry they sign; time-stamps checked on the way. */
    Map<Long, String> check(Map<String, byte[]> files, List<String> checked, List<String> problems) throws IOException {
        Map<Long, String> heads = new HashMap<>();
        List<X509Certificate> tsa =
                tsaTrust.isEmpty() && trustBundledTsa && files.containsKey(BundleFormat.TSA_CERTIFICATES)
                        ? Certificates.parseAll(files.get(BundleFormat.TSA_CERTIFICATES))
                        : tsaTrust;
        byte[] listed = files.get(BundleFormat.CHECKPOINTS);
        for (JsonNode node : listed == null ? JSON.createArrayNode() : JSON.readTree(listed)) {
            Checkpoint checkpoint = new Checkpoint(
                    node.path("id").asLong(),
                    node.path("seq").asLong(),
                    node.path("chainHash").asText(),
                    Instant.parse(node.path("signedAt").asText()),
                    node.path("signerCertificate").asText(),
                    node.path("statement").asText(),
                    null);
            Optional<String> invalid = Checkpoints.problem(checkpoint, signers, jose);
            if (invalid.isPresent()) {
                problems.add(invalid.get());
                continue;
            }
            heads.put(checkpoint.seq(), checkpoint.chainHash());
            JsonNode stamp = node.get("timeStamp");
            if (stamp != null && tsa.isEmpty()) {
                problems.add("checkpoint " + checkpoint.id() + " is time-stamped by an authority the auditor did not"
                        + " name: name it (--tsa), or accept the bundle's own TSA certificate (--trust-bundled-tsa)");
            } else if (stamp != null) {
                try {
                    TimeStamps.TimeStamp verified =
                            TimeStamps.verify(stamp.path("token").binaryValue(), Checkpoints.stamped(checkpoint), tsa);
                    checked.add("checkpoint " + checkpoint.id() + " (entry " + checkpoint.seq() + ") time-stamped at "
                            + verified.time() + " by " + verified.tsa()
                            + (tsaTrust.isEmpty() ? " (TSA certificate taken from the bundle)" : ""));
                } catch (GatewayException e) {
                    problems.add(
                            "the time-stamp of checkpoint " + checkpoint.id() + " does not verify: " + e.getMessage());
                }
            }
        }
        checked.add(heads.size() + " checkpoints signed by the checkpoint certificates given");
        return heads;
    }
}
