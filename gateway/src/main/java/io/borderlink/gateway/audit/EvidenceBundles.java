package io.borderlink.gateway.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.Trust;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exports evidence bundles: for one exchange or a time range, the chain entries of its events with
 * enough of the chain around them to recompute it from one signed checkpoint to the next, those
 * checkpoints with their time-stamps, the documents kept as evidence, the approval statements, and the
 * certificates to check them with; listed in a manifest the gateway signs (layout in
 * {@link BundleFormat}). Entries of other exchanges that fall inside a slice appear as hashes only: the
 * chain can be recomputed over them without showing what they record.
 */
@Component
public class EvidenceBundles {

    private static final int PAGE = 5000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The chain is written one entry per line: it is long, and read by people as well as tools. */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final AuditSequencer sequencer;
    private final AuditVerification chain;
    private final Checkpoints checkpoints;
    private final AuditTrail audit;
    private final JoseCrypto jose;
    private final XmlCrypto xml;
    private final GatewayKeys keys;
    private final Trust trust;
    private final AuditSettings settings;
    private final NodeIdentity node;
    private final Clock clock;

    EvidenceBundles(
            JdbcTemplate jdbc,
            AuditSequencer sequencer,
            AuditVerification chain,
            Checkpoints checkpoints,
            AuditTrail audit,
            JoseCrypto jose,
            XmlCrypto xml,
            GatewayKeys keys,
            Trust trust,
            AuditSettings settings,
            NodeIdentity node,
            Clock clock) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.jose = jose;
        this.xml = xml;
        this.keys = keys;
        this.trust = trust;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    /**
     * A bundle written to a temporary file, which the caller sends and deletes.
     *
     * @param manifestDigest SHA-256 of the signed manifest, as the EXPORT event records it
     */
    public record Export(Path file, String fileName, String manifestDigest, int events, int documents) {

        /**
         * The zip as a download, sent on the request's own thread (a StreamingResponseBody is written from
         * another, where committing the response races Spring Security's header writer); the temporary file
         * goes when the stream is closed, once sent or not.
         */
        public ResponseEntity<Resource> download() {
            InputStream in;
            long size;
            try {
                size = Files.size(file);
                in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(fileName)
                                    .build()
                                    .toString())
                    .header("X-Manifest-Digest", manifestDigest)
                    .contentLength(size)
                    .body(new InputStreamResource(in));
        }
    }

    /** One exchange, or a time range: exactly one of the two. */
    public Export export(UUID exchangeId, Instant from, Instant to, Auditor auditor) {
        if (exchangeId != null && from == null && to == null) {
            return exchange(exchangeId, auditor);
        }
        if (exchangeId == null && from != null && to != null) {
            return range(from, to, auditor);
        }
        throw new GatewayException(ErrorCode.SCHEMA_INVALID, "export either one exchange, or a range from and to");
    }

    public Export exchange(UUID exchangeId, Auditor auditor) {
        return export(
                new Scope(
                        "e.exchange_id = ?",
                        new Object[] {exchangeId},
                        "exchange " + exchangeId,
                        "exchange-" + exchangeId),
                Map.of("exchange", exchangeId.toString()),
                auditor);
    }

    public Export range(Instant from, Instant to, Auditor auditor) {
        if (!from.isBefore(to)) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "the range from " + from + " to " + to + " is empty");
        }
        return export(
                new Scope(
                        "e.occurred_at >= ? AND e.occurred_at < ?",
                        new Object[] {from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)},
                        "events from " + from + " to " + to,
                        "range-" + ChainedEvent.time(from).replace(":", "") + "-"
                                + ChainedEvent.time(to).replace(":", "")),
                Map.of("from", from.toString(), "to", to.toString()),
                auditor);
    }

    private Export export(Scope scope, Map<String, String> scopeFields, Auditor auditor) {
        sequencer.seal();
        long[] inScope = jdbc
                .query(
                        "SELECT c.seq FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE " + scope.where()
                                + " ORDER BY c.seq",
                        (rs, row) -> rs.getLong(1),
                        scope.params())
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        if (inScope.length == 0) {
            throw new GatewayException(ErrorCode.NOT_FOUND, "no chained audit events for " + scope.description());
        }
        Long notChained = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event e WHERE " + scope.where()
                        + " AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)",
                Long.class,
                scope.params());
        List<Segment> segments = segments(inScope);
        List<UUID> exchanges = jdbc.queryForList(
                "SELECT DISTINCT e.exchange_id FROM audit_event e WHERE " + scope.where()
                        + " AND e.exchange_id IS NOT NULL ORDER BY e.exchange_id",
                UUID.class,
                scope.params());
        Path file;
        try {
            file = Files.createTempFile("borderlink-evidence-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the bundle", e);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            Writer writer = new Writer(zip);
            long entries = writer.chain(segments, inScope);
            writer.json(BundleFormat.CHECKPOINTS, checkpointsJson(segments));
            Set<X509Certificate> signers = new LinkedHashSet<>();
            int documents = writer.evidence(exchanges, signers);
            int approvals = writer.json(BundleFormat.APPROVALS, approvals(exchanges));
            writer.text(
                    BundleFormat.GATEWAY_CERTIFICATES,
                    Certificates.pem(keys.signing().chain()));
            List<X509Certificate> agencyCertificates =
                    new ArrayList<>(trust.agencies().domain().intermediates());
            agencyCertificates.addAll(signers);
            writer.text(BundleFormat.AGENCY_CERTIFICATES, Certificates.pem(agencyCertificates));
            if (settings.tsaCertificate() != null) {
                writer.text(
                        BundleFormat.TSA_CERTIFICATES,
                        Certificates.pem(Certificates.readCertificates(settings.tsaCertificate())));
            }
            writer.text(BundleFormat.README, readme(scope));
            ObjectNode manifest =
                    JSON.createObjectNode().put("format", BundleFormat.FORMAT).put("encoding", ChainedEvent.ENCODING);
            ObjectNode scopeNode = manifest.putObject("scope");
            scopeFields.forEach(scopeNode::put);
            manifest.put("exportedAt", clock.instant().toString())
                    .put("exportedBy", auditor.id())
                    .put("node", node.id())
                    .put("events", inScope.length)
                    .put("eventsNotYetChained", notChained == null ? 0 : notChained)
                    .put("entries", entries)
                    .put("segments", segments.size())
                    .put("documents", documents)
                    .put("approvals", approvals);
            ObjectNode files = manifest.putObject("files");
            writer.digests.forEach(files::put);
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            writer.raw(BundleFormat.MANIFEST, manifestBytes);
            writer.raw(
                    BundleFormat.MANIFEST_SIGNATURE,
                    jose.sign(manifestBytes, keys.signing()).getBytes(StandardCharsets.US_ASCII));
            String manifestDigest = Digests.sha256(manifestBytes);
            audit.record(new AuditEvent(
                    AuditStep.EXPORT,
                    Outcome.OK,
                    scopeFields.containsKey("exchange") ? UUID.fromString(scopeFields.get("exchange")) : null,
                    null,
                    null,
                    auditor.id(),
                    auditor.certificate(),
                    manifestDigest,
                    "evidence bundle for " + scope.description() + ": " + inScope.length + " events, entries "
                            + (segments.get(0).previousSeq() + 1) + " to "
                            + segments.get(segments.size() - 1).endSeq()
                            + ", " + documents + " documents"));
            return new Export(
                    file,
                    "borderlink-evidence-" + scope.fileName() + ".zip",
                    manifestDigest,
                    inScope.length,
                    documents);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("evidence bundle could not be written", io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The slices of the chain that hold the entries: each runs from the checkpoint before an entry (or the
     * start of the chain) to the first checkpoint at or after it, so it can be recomputed from one signed
     * hash to another. Adjacent slices are merged.
     */
    private List<Segment> segments(long[] inScope) {
        List<Segment> segments = new ArrayList<>();
        for (long seq : inScope) {
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && seq <= last.endSeq()) {
                continue;
            }
            Optional<Checkpoint> before = checkpoints.before(seq);
            Checkpoint end = checkpoints
                    .covering(seq)
                    .orElseThrow(() -> new GatewayException(
                            ErrorCode.INTERNAL_ERROR,
                            "entry " + seq + " is not covered by a checkpoint: the chain is damaged, verify it first"));
            long previousSeq = before.map(Checkpoint::seq).orElse(0L);
            if (last != null && previousSeq == last.endSeq()) {
                segments.set(segments.size() - 1, new Segment(last.previousSeq(), last.previousHash(), end.seq()));
            } else {
                String previousHash = before.map(Checkpoint::chainHash).orElse(ChainHashes.GENESIS);
                segments.add(new Segment(previousSeq, previousHash, end.seq()));
            }
        }
        return segments;
    }

    private ArrayNode checkpointsJson(List<Segment> segments) {
        ArrayNode list = JSON.createArrayNode();
        for (Segment segment : segments) {
            for (Checkpoint checkpoint : checkpoints.between(segment.previousSeq(), segment.endSeq())) {
                ObjectNode node = list.addObject()
                        .put("id", checkpoint.id())
                        .put("seq", checkpoint.seq())
                        .put("chainHash", checkpoint.chainHash())
                        .put("signedAt", ChainedEvent.time(checkpoint.signedAt()))
                        .put("signerCertificate", checkpoint.signerCertificate())
                        .put("statement", checkpoint.statement());
                if (checkpoint.anchor() != null) {
                    node.putObject("timeStamp")
                            .put("tsa", checkpoint.anchor().tsa())
                            .put("stampedAt", checkpoint.anchor().stampedAt().toString())
                            .put("token", checkpoint.anchor().token());
                }
            }
        }
        return list;
    }

    private ArrayNode approvals(List<UUID> exchanges) {
        ArrayNode list = JSON.createArrayNode();
        for (UUID exchange : exchanges) {
            jdbc.query(
                    """
                    SELECT a.id, a.share_id, s.exchange_id, s.partner_id, a.view_digest, a.policy_version, a.officer,
                           a.officer_certificate, a.verdict, a.reason, a.decided_at, a.statement
                    FROM approval a JOIN share s ON s.id = a.share_id WHERE s.exchange_id = ? ORDER BY a.id""",
                    rs -> {
                        list.addObject()
                                .put("id", rs.getLong("id"))
                                .put("shareId", rs.getString("share_id"))
                                .put("exchangeId", rs.getString("exchange_id"))
                                .put("partnerId", rs.getString("partner_id"))
                                .put("viewDigest", rs.getString("view_digest"))
                                .put("policyVersion", rs.getString("policy_version"))
                                .put("officer", rs.getString("officer"))
                                .put("officerCertificate", rs.getString("officer_certificate"))
                                .put("verdict", rs.getString("verdict"))
                                .put("reason", rs.getString("reason"))
                                .put(
                                        "decidedAt",
                                        rs.getObject("decided_at", OffsetDateTime.class)
                                                .toInstant()
                                                .toString())
                                .put("statement", rs.getString("statement"));
                    },
                    exchange);
        }
        return list;
    }

    private static String readme(Scope scope) {
        return """
                Borderlink evidence bundle: %s

                Check it, without the gateway or its database, with the gateway's command-line tool:

                    java -jar borderlink-gateway.jar verify --bundle <this file> --trust <national root CA, PEM>

                manifest.json    what is in the bundle, each file with its SHA-256; manifest.jws is the
                                 gateway's signature over it (compact JWS, payload = manifest.json)
                chain.json       slices of the audit chain, each from one signed checkpoint to the next;
                                 entries of this scope carry their event, the others only their hashes
                checkpoints.json the signed checkpoints (JWS) with RFC 3161 time-stamps where there are
                evidence.json    the documents under evidence/, with kind, partner and SHA-256
                approvals.json   officers' approvals, each with the statement the gateway signed
                certificates/    the gateway's signing chain, the agencies' CAs and signers, the TSA

                entry hash = SHA-256 of: "%s" and then id, occurredAt, node, step, outcome, exchangeId,
                partnerId, code, actor, actorCertificate, digest, detail, each as a 4-byte big-endian length
                and its UTF-8 bytes, null as length FFFFFFFF; chain hash = SHA-256(previous chain hash ||
                entry hash) over the raw 32-byte values, starting from 32 zero bytes.
                """
                .formatted(scope.description(), ChainedEvent.ENCODING);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** Which events are exported: a condition on {@code audit_event e}. */
    private record Scope(String where, Object[] params, String description, String fileName) {}

    /**
     * A slice of the chain: the entries after {@code previousSeq} (whose chain hash is given) up to and
     * including {@code endSeq}, where a checkpoint signed the hash.
     */
    private record Segment(long previousSeq, String previousHash, long endSeq) {}

    /** Writes entries into the zip and keeps the SHA-256 of each for the manifest. */
    private final class Writer {

        private final ZipOutputStream zip;
        private final Map<String, String> digests = new LinkedHashMap<>();

        Writer(ZipOutputStream zip) {
            this.zip = zip;
        }

        /** Streams the slices entry by entry: a time range can hold millions of them. */
        long chain(List<Segment> segments, long[] inScope) throws IOException {
            MessageDigest sha256 = sha256();
            zip.putNextEntry(new ZipEntry(BundleFormat.CHAIN));
            long written = 0;
            try (JsonGenerator json = COMPACT.getFactory()
                    .createGenerator(new DigestOutputStream(new Unclosed(zip), sha256), JsonEncoding.UTF8)) {
                json.setPrettyPrinter(new DefaultPrettyPrinter()
                        .withArrayIndenter(new DefaultIndenter("", "\n"))
                        .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                        .withoutSpacesInObjectEntries());
                json.writeStartObject();
                json.writeStringField("encoding", ChainedEvent.ENCODING);
                json.writeArrayFieldStart("segments");
                for (Segment segment : segments) {
                    json.writeStartObject();
                    json.writeNumberField("previousSeq", segment.previousSeq());
                    json.writeStringField("previousHash", segment.previousHash());
                    json.writeNumberField("endSeq", segment.endSeq());
                    json.writeArrayFieldStart("entries");
                    long after = segment.previousSeq();
                    while (after < segment.endSeq()) {
                        List<ChainEntry> page = chain.entriesAfter(after, PAGE);
                        if (page.isEmpty()) {
                            break;
                        }
                        for (ChainEntry entry : page) {
                            if (entry.seq() > segment.endSeq()) {
                                break;
                            }
                            json.writeStartObject();
                            json.writeNumberField("seq", entry.seq());
                            json.writeStringField("entryHash", entry.entryHash());
                            json.writeStringField("chainHash", entry.chainHash());
                            if (Arrays.binarySearch(inScope, entry.seq()) >= 0 && entry.event() != null) {
                                json.writeObjectField("event", entry.event());
                            }
                            json.writeEndObject();
                            written++;
                        }
                        after = page.get(page.size() - 1).seq();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            zip.closeEntry();
            digests.put(BundleFormat.CHAIN, HexFormat.of().formatHex(sha256.digest()));
            return written;
        }

        /** Every document kept for the exchanges, under {@code evidence/<exchange>/}; returns how many. */
        int evidence(List<UUID> exchanges, Set<X509Certificate> signers) throws IOException {
            ArrayNode index = JSON.createArrayNode();
            for (UUID exchange : exchanges) {
                List<Document> documents = jdbc.query(
                        """
                        SELECT kind, partner_id, digest, media_type, content, created_at
                        FROM evidence WHERE exchange_id = ? ORDER BY id""",
                        (rs, row) -> new Document(
                                rs.getString("kind"),
                                rs.getString("partner_id"),
                                rs.getString("digest").stripTrailing(),
                                rs.getString("media_type"),
                                rs.getBytes("content"),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                        exchange);
                for (Document document : documents) {
                    String name = "evidence/" + exchange + "/" + document.kind()
                            + (document.partnerId() == null ? "" : "-" + document.partnerId()) + "-"
                            + document.digest().substring(0, 16) + extension(document.mediaType());
                    if (!digests.containsKey(name)) {
                        raw(name, document.content());
                    }
                    index.addObject()
                            .put("exchangeId", exchange.toString())
                            .put("kind", document.kind())
                            .put("partnerId", document.partnerId())
                            .put("digest", document.digest())
                            .put("mediaType", document.mediaType())
                            .put("createdAt", document.createdAt().toString())
                            .put("file", name);
                    if ("SIGNED_ORIGINAL".equals(document.kind())) {
                        signer(document.content()).ifPresent(signers::add);
                    }
                }
            }
            json(BundleFormat.EVIDENCE, index);
            return index.size();
        }

        int json(String name, ArrayNode list) throws IOException {
            raw(name, JSON.writeValueAsBytes(list));
            return list.size();
        }

        void text(String name, String text) throws IOException {
            raw(name, text.getBytes(StandardCharsets.UTF_8));
        }

        void raw(String name, byte[] content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            if (!name.equals(BundleFormat.MANIFEST) && !name.equals(BundleFormat.MANIFEST_SIGNATURE)) {
                digests.put(name, Digests.sha256(content));
            }
        }
    }

    /** The agency certificate that signed an original, for the bundle's certificates; the verifier re-checks. */
    private Optional<X509Certificate> signer(byte[] signedOriginal) {
        try {
            return Optional.of(xml.verify(SecureXml.parse(signedOriginal)));
        } catch (GatewayException e) {
            return Optional.empty();
        }
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/xml" -> ".xml";
            case "application/jose" -> ".jose";
            case "application/json" -> ".json";
            default -> ".bin";
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private record Document(
            String kind, String partnerId, String digest, String mediaType, byte[] content, Instant createdAt) {}

    /** Lets the JSON generator close its stream without closing the zip under it. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
