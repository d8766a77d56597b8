package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.ChainSlices.Segment;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.Trust;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * enough of the chain around them to recompute it from one signed checkpoint to the next
 * ({@link ChainSlices}), those checkpoints with their time-stamps, the documents kept as evidence and the
 * approval statements ({@link BundleDocuments}), and the certificates to check them with; listed in a
 * manifest the gateway signs (layout in {@link BundleFormat}). Entries of other exchanges that fall inside
 * a slice appear as hashes only: the chain can be recomputed over them without showing what they record.
 */
@Component
public class EvidenceBundles {

    private final JdbcTemplate jdbc;
    private final AuditSequencer sequencer;
    private final ChainSlices slices;
    private final BundleDocuments documents;
    private final AuditTrail audit;
    private final JoseCrypto jose;
    private final GatewayKeys keys;
    private final Trust trust;
    private final AuditSettings settings;
    private final NodeIdentity node;
    private final Clock clock;

    EvidenceBundles(
            JdbcTemplate jdbc,
            AuditSequencer sequencer,
            ChainSlices slices,
            BundleDocuments documents,
            AuditTrail audit,
            JoseCrypto jose,
            GatewayKeys keys,
            Trust trust,
            AuditSettings settings,
            NodeIdentity node,
            Clock clock) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.slices = slices;
        this.documents = documents;
        this.audit = audit;
        this.jose = jose;
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

    /** One exchange, or a time range: exactly one of the two. A refusal is audited, then passed on. */
    public Export export(UUID exchangeId, Instant from, Instant to, Auditor auditor) {
        try {
            return exportOf(exchangeId, from, to, auditor);
        } catch (GatewayException e) {
            audit.record(AuditEvent.rejected(AuditStep.EXPORT, exchangeId, e.code(), e.getMessage())
                    .actor(auditor.id(), auditor.certificate()));
            throw e;
        }
    }

    private Export exportOf(UUID exchangeId, Instant from, Instant to, Auditor auditor) {
        if (exchangeId != null && from == null && to == null) {
            return exchange(exchangeId, auditor);
        }
        if (exchangeId == null && from != null && to != null) {
            return range(from, to, auditor);
        }
        throw new GatewayException(ErrorCode.SCHEMA_INVALID, "export either one exchange, or a range from and to");
    }

    private Export exchange(UUID exchangeId, Auditor auditor) {
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
        int most = settings.exportMaxEvents();
        Object[] params = Arrays.copyOf(scope.params(), scope.params().length + 1);
        params[params.length - 1] = most + 1;
        long[] inScope = jdbc
                .query(
                        "SELECT c.seq FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE " + scope.where()
                                + " ORDER BY c.seq LIMIT ?",
                        (rs, row) -> rs.getLong(1),
                        params)
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        if (inScope.length == 0) {
            throw new GatewayException(ErrorCode.NOT_FOUND, "no chained audit events for " + scope.description());
        }
        if (inScope.length > most) {
            throw new GatewayException(
                    ErrorCode.REQUEST_INVALID,
                    "an export of " + scope.description() + " would hold more than the " + most
                            + " events one bundle may hold (borderlink.audit.export-max-events): export shorter ranges");
        }
        Long notChained = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event e WHERE " + scope.where()
                        + " AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)",
                Long.class,
                scope.params());
        List<Segment> segments = slices.covering(inScope);
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
            BundleWriter writer = new BundleWriter(zip);
            long entries = slices.write(segments, inScope, writer);
            writer.json(BundleFormat.CHECKPOINTS, slices.checkpoints(segments));
            Set<X509Certificate> signers = new LinkedHashSet<>();
            Set<X509Certificate> receiptSigners = new LinkedHashSet<>();
            int documentCount = documents.write(exchanges, signers, receiptSigners, writer);
            int purged = writer.json(BundleFormat.PURGES, documents.purges(exchanges));
            writer.text(BundleFormat.PARTNER_CERTIFICATES, Certificates.pem(List.copyOf(receiptSigners)));
            int approvals = writer.json(BundleFormat.APPROVALS, documents.approvals(exchanges));
            writer.text(BundleFormat.GATEWAY_CERTIFICATES, Certificates.pem(keys.signingChains()));
            List<X509Certificate> agencyCertificates =
                    new ArrayList<>(trust.agencies().domain().intermediates());
            agencyCertificates.addAll(signers);
            writer.text(BundleFormat.AGENCY_CERTIFICATES, Certificates.pem(agencyCertificates));
            if (settings.tsaCertificate() != null) {
                writer.text(
                        BundleFormat.TSA_CERTIFICATES,
                        Certificates.pem(Certificates.readCertificates(settings.tsaCertificate())));
            }
            writer.text(BundleFormat.README, BundleFormat.readme(scope.description()));
            ObjectNode manifest = BundleWriter.JSON
                    .createObjectNode()
                    .put("format", BundleFormat.FORMAT)
                    .put("encoding", ChainedEvent.ENCODING);
            ObjectNode scopeNode = manifest.putObject("scope");
            scopeFields.forEach(scopeNode::put);
            manifest.put("exportedAt", clock.instant().toString())
                    .put("exportedBy", auditor.id())
                    .put("node", node.id())
                    .put("events", inScope.length)
                    .put("eventsNotYetChained", notChained == null ? 0 : notChained)
                    .put("entries", entries)
                    .put("segments", segments.size())
                    .put("documents", documentCount)
                    .put("purged", purged)
                    .put("approvals", approvals);
            ObjectNode files = manifest.putObject("files");
            writer.digests().forEach(files::put);
            byte[] manifestBytes = BundleWriter.JSON.writeValueAsBytes(manifest);
            writer.raw(BundleFormat.MANIFEST, manifestBytes);
            writer.raw(
                    BundleFormat.MANIFEST_SIGNATURE,
                    jose.sign(manifestBytes, keys.signing()).getBytes(StandardCharsets.US_ASCII));
            String manifestDigest = Digests.sha256(manifestBytes);
            audit.record(AuditEvent.of(AuditStep.EXPORT, Outcome.OK)
                    .exchange(scopeFields.containsKey("exchange") ? UUID.fromString(scopeFields.get("exchange")) : null)
                    .actor(auditor.id(), auditor.certificate())
                    .digest(manifestDigest)
                    .detail("evidence bundle for " + scope.description() + ": " + inScope.length + " events, entries "
                            + (segments.get(0).previousSeq() + 1) + " to "
                            + segments.get(segments.size() - 1).endSeq()
                            + ", " + documentCount + " documents"));
            return new Export(
                    file,
                    "borderlink-evidence-" + scope.fileName() + ".zip",
                    manifestDigest,
                    inScope.length,
                    documentCount);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("evidence bundle could not be written", io);
            }
            throw (RuntimeException) e;
        }
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
}
