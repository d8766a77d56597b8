package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.ArchivedPaths;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The parts of a bundle that follow an exchange after delivery, checked offline: each recipient's signed
 * receipt (its signature, its signer's path to the auditor's roots at the time it was kept, and that it
 * names the digest of what the gateway sent), and each purge (the inventory of what was destroyed is the
 * one whose digest the exchange's PURGED chain entry carries). Bundles made before either existed have
 * neither, and verify as before.
 */
final class BundleLifecycle {

    static final String PARTNER_RECEIPT = "PARTNER_RECEIPT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final List<X509Certificate> anchors;
    private final XmlCrypto xml = new XmlCrypto();
    private final CertifiedJws jws = new CertifiedJws(new JoseCrypto());

    BundleLifecycle(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** A receipt whose signature verified: who signed, the chain it carried, and what it states. */
    private record Opened(X509Certificate signer, List<X509Certificate> chain, String statement) {}

    /** The receipt's signer and the certificates it carries, for the bundle's certificates/partners.pem. */
    List<X509Certificate> signers(byte[] receipt, String mediaType) {
        try {
            Opened opened = open(receipt, mediaType);
            List<X509Certificate> all = new ArrayList<>(opened.chain());
            if (!all.contains(opened.signer())) {
                all.add(0, opened.signer());
            }
            return all;
        } catch (GatewayException e) {
            return List.of();
        }
    }

    void receipts(Map<String, byte[]> files, List<String> checked, List<String> problems) throws IOException {
        JsonNode index = json(files, BundleFormat.EVIDENCE);
        List<X509Certificate> carried = files.containsKey(BundleFormat.PARTNER_CERTIFICATES)
                ? Certificates.parseAll(files.get(BundleFormat.PARTNER_CERTIFICATES))
                : List.of();
        for (JsonNode entry : index) {
            if (!PARTNER_RECEIPT.equals(entry.path("kind").asText())) {
                continue;
            }
            String name = entry.path("file").asText();
            String partner = entry.path("partnerId").asText();
            String exchange = entry.path("exchangeId").asText();
            Instant at = Instant.parse(entry.path("createdAt").asText());
            byte[] content = files.get(name);
            if (content == null) {
                continue; // reported with the other evidence documents
            }
            try {
                Opened opened = open(content, entry.path("mediaType").asText());
                List<X509Certificate> intermediates = new ArrayList<>(opened.chain());
                intermediates.addAll(carried);
                String sent = sentDigest(files, index, exchange, partner, at);
                String what = "receipt of " + partner + " for exchange " + exchange;
                if (sent == null || !opened.statement().contains(sent)) {
                    problems.add("the " + what + " does not name the digest of what was sent"
                            + (sent == null ? " (no SENT document)" : " (" + sent + ")"));
                    continue;
                }
                String signer = opened.signer().getSubjectX500Principal().getName();
                if (!anchored(opened.signer(), intermediates)) {
                    // The gateway checked the signer under the partner's root when it kept the receipt, and signed
                    // the bundle; without that root among the auditor's, only the signature can be checked here.
                    checked.add(what + ", signed by " + signer + ", names the digest of what was sent; its signer"
                            + " was not checked against a root of yours (add the partner's root to --trust)");
                    continue;
                }
                X509Certificate root = ArchivedPaths.validateAt(opened.signer(), intermediates, anchors, at);
                checked.add(what + ", signed by " + signer + ": path to "
                        + root.getSubjectX500Principal().getName() + " valid at " + at
                        + ", names the digest of what was sent");
            } catch (GatewayException e) {
                problems.add("the receipt of " + partner + " for exchange " + exchange + " (" + name
                        + ") does not verify: " + e.getMessage());
            }
        }
    }

    /** Whether one of the auditor's roots is the one the signer's chain leads to (by name; the path is checked after). */
    private boolean anchored(X509Certificate signer, List<X509Certificate> intermediates) {
        X509Certificate top = signer;
        for (int depth = 0; depth < 8 && !top.getIssuerX500Principal().equals(top.getSubjectX500Principal()); depth++) {
            X509Certificate current = top;
            X509Certificate issuer = intermediates.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(current.getIssuerX500Principal()))
                    .findFirst()
                    .orElse(null);
            if (issuer == null) {
                break;
            }
            top = issuer;
        }
        X509Certificate last = top;
        return anchors.stream()
                .anyMatch(a -> a.getSubjectX500Principal().equals(last.getIssuerX500Principal()) || a.equals(last));
    }

    /** Each purge must be pinned by a PURGED entry of the chain slices that carries its inventory's digest. */
    void purges(Map<String, byte[]> files, List<String> checked, List<String> problems) throws IOException {
        List<JsonNode> purged = new ArrayList<>();
        JsonNode chain = files.containsKey(BundleFormat.CHAIN) ? JSON.readTree(files.get(BundleFormat.CHAIN)) : null;
        if (chain != null) {
            for (JsonNode segment : chain.path("segments")) {
                for (JsonNode entry : segment.path("entries")) {
                    if ("PURGED".equals(entry.path("event").path("step").asText())) {
                        purged.add(entry);
                    }
                }
            }
        }
        for (JsonNode purge : json(files, BundleFormat.PURGES)) {
            String exchange = purge.path("exchangeId").asText();
            String rule = purge.path("ruleId").asText();
            String digest = Digests.sha256(purge.path("inventory").asText().getBytes(StandardCharsets.UTF_8));
            JsonNode pinned = purged.stream()
                    .filter(e -> exchange.equals(
                                    e.path("event").path("exchangeId").asText())
                            && digest.equals(e.path("event").path("digest").asText())
                            && e.path("event").path("detail").asText().contains("rule " + rule + " "))
                    .findFirst()
                    .orElse(null);
            if (pinned == null) {
                problems.add("exchange " + exchange + ": purges.json says it was purged under rule " + rule
                        + ", but no PURGED entry of the chain carries the digest of that inventory");
            } else {
                checked.add("exchange " + exchange + ": content purged under rule " + rule + " at "
                        + purge.path("purgedAt").asText() + " ("
                        + purge.path("documents").asInt()
                        + " documents destroyed, their digests pinned by chain entry "
                        + pinned.path("seq").asLong() + ")");
            }
        }
    }

    private Opened open(byte[] receipt, String mediaType) {
        if ("application/jose".equals(mediaType)) {
            CertifiedJws.Verified verified = jws.verify(new String(receipt, StandardCharsets.US_ASCII));
            return new Opened(
                    verified.signer(), verified.chain(), new String(verified.payload(), StandardCharsets.UTF_8));
        }
        Document document = SecureXml.parse(receipt);
        X509Certificate signer = xml.verify(document);
        Node signature = document.getElementsByTagNameNS(DSIG, "Signature").item(0);
        signature.getParentNode().removeChild(signature);
        return new Opened(signer, List.of(signer), document.getDocumentElement().getTextContent());
    }

    /** The digest a receipt names what was sent by: of the last SENT to that partner before the receipt. */
    private static String sentDigest(
            Map<String, byte[]> files, JsonNode index, String exchange, String partner, Instant by) {
        String digest = null;
        for (JsonNode entry : index) {
            if ("SENT".equals(entry.path("kind").asText())
                    && exchange.equals(entry.path("exchangeId").asText())
                    && partner.equals(entry.path("partnerId").asText())
                    && !Instant.parse(entry.path("createdAt").asText()).isAfter(by)
                    && files.containsKey(entry.path("file").asText())) {
                digest = Digests.ofMessage(files.get(entry.path("file").asText()));
            }
        }
        return digest;
    }

    private static JsonNode json(Map<String, byte[]> files, String name) throws IOException {
        byte[] content = files.get(name);
        return content == null ? JSON.createArrayNode() : JSON.readTree(content);
    }
}
