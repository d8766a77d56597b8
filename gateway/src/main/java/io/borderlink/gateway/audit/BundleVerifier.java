package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.ArchivedPaths;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence bundle ({@link BundleFormat}) with nothing but the bundle and the trust anchors an
 * auditor brings: the gateway's signature on the manifest and every file against it, every checkpoint's
 * signature (by a checkpoint certificate the auditor names) and time-stamp ({@link BundleCheckpoints}), the
 * chain from one signed checkpoint to the next, the agencies' signatures on the originals and the gateway's
 * on what it sent. No database, no running gateway; certificates carried
 * by the bundle count only through a path to the given anchors.
 */
public final class BundleVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<X509Certificate> anchors;
    private final BundleCheckpoints checkpoints;
    private final JoseCrypto jose = new JoseCrypto();
    private final XmlCrypto xml = new XmlCrypto();

    /**
     * A verifier that accepts only checkpoints signed by the certificates the auditor names and time-stamps by
     * the authority the auditor names: a bundle can carry any certificate, so one taken from it proves nothing
     * about who signed or stamped.
     *
     * @param anchors the roots the gateway's and the agencies' certificates must lead to
     * @param checkpointSigners the certificates of the keys that signed the checkpoints (the gateway's checkpoint
     *     key, and the keys before it for older checkpoints); a checkpoint by any other is refused
     * @param tsaTrust the time-stamping authority's certificate, or its CA; empty refuses every time-stamp
     */
    public BundleVerifier(
            List<X509Certificate> anchors, List<X509Certificate> checkpointSigners, List<X509Certificate> tsaTrust) {
        this(anchors, checkpointSigners, tsaTrust, false);
    }

    /**
     * @param trustBundledTsa when no authority is named, check time-stamps against the certificate the bundle
     *     carries (intact, but not proven whose) instead of refusing them; the auditor's explicit choice
     */
    public BundleVerifier(
            List<X509Certificate> anchors,
            List<X509Certificate> checkpointSigners,
            List<X509Certificate> tsaTrust,
            boolean trustBundledTsa) {
        this.anchors = List.copyOf(anchors);
        this.checkpoints = new BundleCheckpoints(checkpointSigners, tsaTrust, trustBundledTsa);
    }

    /** What was checked, and what failed: the bundle is good only when nothing failed. */
    public record Report(List<String> checked, List<String> problems) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public Report verify(Path bundle) throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> files = read(bundle, problems);
        try {
            check(files, checked, problems);
        } catch (IOException | RuntimeException e) {
            // A file edited into something unreadable is a finding like any other, not a crash.
            problems.add("the bundle cannot be read to the end: " + e);
        }
        return new Report(checked, problems);
    }

    private void check(Map<String, byte[]> files, List<String> checked, List<String> problems) throws IOException {
        byte[] manifestBytes = files.get(BundleFormat.MANIFEST);
        byte[] signature = files.get(BundleFormat.MANIFEST_SIGNATURE);
        List<X509Certificate> gatewayChain = files.containsKey(BundleFormat.GATEWAY_CERTIFICATES)
                ? Certificates.parseAll(files.get(BundleFormat.GATEWAY_CERTIFICATES))
                : List.of();
        if (manifestBytes == null || signature == null || gatewayChain.isEmpty()) {
            problems.add("the bundle lacks its manifest, the manifest's signature or the gateway's certificates");
            return;
        }
        X509Certificate gateway = gatewayChain.get(0);
        try {
            byte[] signed = jose.verify(new String(signature, StandardCharsets.US_ASCII), gateway);
            if (!Arrays.equals(signed, manifestBytes)) {
                problems.add("manifest.jws signs another manifest than manifest.json");
                return;
            }
        } catch (GatewayException e) {
            problems.add("the manifest's signature does not verify: " + e.getMessage());
            return;
        }
        JsonNode manifest = JSON.readTree(manifestBytes);
        Instant exportedAt = Instant.parse(manifest.path("exportedAt").asText());
        // The gateway signs what it sends to EC recipients with its EC key: every leaf of the file is its signer.
        List<X509Certificate> gatewaySigners =
                gatewayChain.stream().filter(c -> c.getBasicConstraints() < 0).toList();
        for (X509Certificate signer : gatewaySigners) {
            trusted("the gateway's certificate", signer, gatewayChain, exportedAt, checked, problems);
        }
        checked.add("manifest signed by " + subject(gateway));
        checkFiles(manifest.path("files"), files, checked, problems);

        Map<Long, String> signedHeads = checkpoints.check(files, checked, problems);
        chain(files, signedHeads, checked, problems);
        evidence(files, gatewayChain, gatewaySigners, checked, problems);
        approvals(files, gateway, checked, problems);
        BundleLifecycle lifecycle = new BundleLifecycle(anchors);
        lifecycle.receipts(files, checked, problems);
        lifecycle.purges(files, checked, problems);
    }

    /** Every file but the manifest and its signature must be listed with its digest, and every listed file be there. */
    private static void checkFiles(
            JsonNode listed, Map<String, byte[]> files, List<String> checked, List<String> problems) {
        int good = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            if (name.equals(BundleFormat.MANIFEST) || name.equals(BundleFormat.MANIFEST_SIGNATURE)) {
                continue;
            }
            JsonNode digest = listed.get(name);
            if (digest == null) {
                problems.add(name + " is not in the manifest: it was added after export");
            } else if (!digest.asText().equals(Digests.sha256(file.getValue()))) {
                problems.add(name + " does not have the SHA-256 the manifest lists: it was changed after export");
            } else {
                good++;
            }
        }
        listed.fieldNames().forEachRemaining(name -> {
            if (!files.containsKey(name)) {
                problems.add(name + " is listed in the manifest but missing: it was removed after export");
            }
        });
        checked.add(good + " files match the manifest");
    }

    /** Each slice must run from a signed hash (or the start of the chain) to a signed hash, link by link. */
    private static void chain(
            Map<String, byte[]> files, Map<Long, String> signedHeads, List<String> checked, List<String> problems)
            throws IOException {
        JsonNode chain = JSON.readTree(files.getOrDefault(BundleFormat.CHAIN, "{}".getBytes(StandardCharsets.UTF_8)));
        if (!ChainedEvent.ENCODING.equals(chain.path("encoding").asText())) {
            problems.add("chain.json is not in the " + ChainedEvent.ENCODING + " encoding");
            return;
        }
        long events = 0;
        long entries = 0;
        for (JsonNode segment : chain.path("segments")) {
            long previousSeq = segment.path("previousSeq").asLong();
            String previousHash = segment.path("previousHash").asText();
            long endSeq = segment.path("endSeq").asLong();
            String start = previousSeq == 0 ? ChainHashes.GENESIS : signedHeads.get(previousSeq);
            if (!previousHash.equals(start)) {
                problems.add("the slice after entry " + previousSeq + " does not start from a signed checkpoint");
                continue;
            }
            List<ChainEntry> slice = new ArrayList<>();
            for (JsonNode entry : segment.path("entries")) {
                ChainedEvent event =
                        entry.has("event") ? JSON.treeToValue(entry.get("event"), ChainedEvent.class) : null;
                slice.add(new ChainEntry(
                        entry.path("seq").asLong(),
                        event == null ? null : event.id(),
                        entry.path("entryHash").asText(),
                        entry.path("chainHash").asText(),
                        event,
                        event == null));
                events += event == null ? 0 : 1;
            }
            ChainWalk walk = new ChainWalk(previousSeq, previousHash, (seq, count) -> slice.stream()
                    .filter(e -> e.seq() > seq)
                    .limit(count)
                    .toList());
            Optional<ChainProblem> broken = Optional.empty();
            for (ChainEntry entry : slice) {
                broken = walk.accept(entry);
                if (broken.isPresent()) {
                    problems.add(broken.get().toString());
                    break;
                }
            }
            entries += walk.verified();
            if (broken.isEmpty()
                    && (walk.lastSeq() != endSeq || !walk.lastHash().equals(signedHeads.get(endSeq)))) {
                problems.add("the slice from entry " + (previousSeq + 1) + " to " + endSeq
                        + " does not end at a signed checkpoint: it ends at entry " + walk.lastSeq());
            }
        }
        checked.add(entries + " chain entries link from signed checkpoint to signed checkpoint, " + events
                + " of them with their event");
    }

    /** Originals carry the agency's signature, what was sent the gateway's; each to a trusted root. */
    private void evidence(
            Map<String, byte[]> files,
            List<X509Certificate> gatewayChain,
            List<X509Certificate> gatewaySigners,
            List<String> checked,
            List<String> problems)
            throws IOException {
        List<X509Certificate> known = new ArrayList<>(gatewayChain);
        if (files.containsKey(BundleFormat.AGENCY_CERTIFICATES)) {
            known.addAll(Certificates.parseAll(files.get(BundleFormat.AGENCY_CERTIFICATES)));
        }
        int documents = 0;
        int signatures = 0;
        int unsigned = 0;
        for (JsonNode node : json(files, BundleFormat.EVIDENCE)) {
            String name = node.path("file").asText();
            String kind = node.path("kind").asText();
            byte[] content = files.get(name);
            if (content == null
                    || !Digests.sha256(content).equals(node.path("digest").asText())) {
                problems.add(name + " (" + kind + ") is missing or not the document the trail names by its digest");
                continue;
            }
            documents++;
            Instant at = Instant.parse(node.path("createdAt").asText());
            try {
                if (kind.equals("SIGNED_ORIGINAL")
                        && "application/json".equals(node.path("mediaType").asText())) {
                    // What the gateway fetched from a feed (INTERPOL notices) is signed by nobody: the trail's digest
                    // of it is all there is to check.
                    unsigned++;
                } else if (kind.equals("SIGNED_ORIGINAL")) {
                    X509Certificate signer = xml.verify(SecureXml.parse(content));
                    trusted(name + ", signed by " + subject(signer), signer, known, at, checked, problems);
                    signatures++;
                } else if (kind.equals("SENT_SIGNED")) {
                    if ("application/jose".equals(node.path("mediaType").asText())) {
                        jose.verify(new String(content, StandardCharsets.US_ASCII), gatewaySigners);
                    } else {
                        X509Certificate signer = xml.verify(SecureXml.parse(content));
                        if (!gatewaySigners.contains(signer)) {
                            problems.add(name + " is signed by " + subject(signer) + ", not by the gateway");
                            continue;
                        }
                    }
                    signatures++;
                }
            } catch (GatewayException e) {
                problems.add(name + " (" + kind + "): the signature does not verify: " + e.getMessage());
            }
        }
        checked.add(documents + " evidence documents match their digests, " + signatures + " signatures verify"
                + (unsigned == 0 ? "" : ", " + unsigned + " fetched from a feed that signs nothing"));
    }

    private void approvals(
            Map<String, byte[]> files, X509Certificate gateway, List<String> checked, List<String> problems)
            throws IOException {
        int good = 0;
        for (JsonNode node : json(files, BundleFormat.APPROVALS)) {
            try {
                JsonNode statement =
                        JSON.readTree(jose.verify(node.path("statement").asText(), gateway));
                if (!statement
                                .path("share")
                                .asText()
                                .equals(node.path("shareId").asText())
                        || !statement
                                .path("verdict")
                                .asText()
                                .equals(node.path("verdict").asText())
                        || !statement
                                .path("viewDigest")
                                .asText()
                                .equals(node.path("viewDigest").asText())) {
                    problems.add("approval " + node.path("id").asText() + " says other than the statement signed");
                    continue;
                }
                good++;
            } catch (GatewayException e) {
                problems.add("the statement of approval " + node.path("id").asText() + " does not verify: "
                        + e.getMessage());
            }
        }
        checked.add(good + " approval statements signed by the gateway");
    }

    private void trusted(
            String what,
            X509Certificate certificate,
            List<X509Certificate> intermediates,
            Instant at,
            List<String> checked,
            List<String> problems) {
        try {
            X509Certificate root = ArchivedPaths.validateAt(certificate, intermediates, anchors, at);
            checked.add(what + ": path to " + subject(root) + " valid at " + at);
        } catch (GatewayException e) {
            problems.add(what + ": " + e.getMessage());
        }
    }

    private static JsonNode json(Map<String, byte[]> files, String name) throws IOException {
        byte[] content = files.get(name);
        return content == null ? JSON.createArrayNode() : JSON.readTree(content);
    }

    /** The zip's files by name; a name that occurs twice is refused, as readers may take either copy. */
    private static Map<String, byte[]> read(Path bundle, List<String> problems) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && files.put(entry.getName(), zip.readAllBytes()) != null) {
                    problems.add(entry.getName() + " occurs twice in the bundle");
                }
            }
        }
        return files;
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
