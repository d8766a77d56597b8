package io.borderlink.gateway.filedrop;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.adapters.filedrop.DropDocuments.FileEntry;
import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.adapters.filedrop.DropNames;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.inbound.InboundVerifier;
import io.borderlink.gateway.submission.RejectedSubmissionException;
import io.borderlink.gateway.submission.StoreFailures;
import io.borderlink.gateway.submission.SubmissionSettings;
import io.borderlink.gateway.submission.VerifiedExchange;
import io.borderlink.routes.filedrop.FileDropRoutes;
import io.borderlink.routes.filedrop.OpenedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The import side of the file drop (docs/air-gap.md), run by the cluster's leader: every file in every import
 * folder is a message, a receipt or a manifest of its source. A message is verified and decrypted like one
 * pushed online and goes to the same accept step; a receipt upgrades the share it names; a manifest announces
 * what should have come. A number that came before is a duplicate and dropped; a file that fails goes to the
 * quarantine folder with its reason; a number that skips others is a gap, audited.
 *
 * <p>A file is removed only after what it brought is stored, so a gateway stopped mid-import finds it again
 * and recognises what it had already stored: nothing is lost and nothing is taken twice.
 */
@Component("dropImports")
public class DropImports {

    private static final Logger log = LoggerFactory.getLogger(DropImports.class);

    private final DropSources sources;
    private final DropLedger ledger;
    private final InboundVerifier inbound;
    private final DropReceipts receipts;
    private final DropSignatures signatures;
    private final DropExports exports;
    private final AuditTrail audit;
    private final DropSettings settings;
    private final SubmissionSettings intake;
    private final Clock clock;

    DropImports(
            DropSources sources,
            DropLedger ledger,
            InboundVerifier inbound,
            DropReceipts receipts,
            DropSignatures signatures,
            DropExports exports,
            AuditTrail audit,
            DropSettings settings,
            SubmissionSettings intake,
            Clock clock) {
        this.sources = sources;
        this.ledger = ledger;
        this.inbound = inbound;
        this.receipts = receipts;
        this.signatures = signatures;
        this.exports = exports;
        this.audit = audit;
        this.settings = settings;
        this.intake = intake;
        this.clock = clock;
    }

    /** A file waiting in a source's import folder. */
    public record Dropped(String sourceId, Path path) {}

    /**
     * A message file verified, on its way to the accept step.
     *
     * @param messageId what its readable header calls it
     */
    public record Opened(
            Dropped file, DropNames.Parsed name, String digest, String messageId, VerifiedExchange verified)
            implements OpenedFile {}

    /** What waits in the import folders, in name order within each, at most a batch. */
    public List<Dropped> pending() {
        List<Dropped> pending = new ArrayList<>();
        for (DropSource source : sources.all()) {
            for (Path file : DropFolder.files(source.importFolder())) {
                if (pending.size() == settings.batchSize()) {
                    return pending;
                }
                pending.add(new Dropped(source.id(), file));
            }
        }
        return pending;
    }

    /**
     * The first step for a file: a receipt or manifest is applied and the file removed, a duplicate dropped;
     * a message is verified and answered for the accept step. Null when nothing is left to do.
     */
    public Opened open(Dropped file) {
        DropSource source = source(file);
        String fileName = file.path().getFileName().toString();
        DropNames.Parsed name = DropNames.parse(fileName)
                .orElseThrow(() -> invalid(fileName + " is not a name the file-drop transport writes"));
        byte[] bytes = readBounded(file.path());
        String digest = Digests.sha256(bytes);
        return switch (name.kind()) {
            case MANIFEST -> {
                announce(source, fileName, bytes);
                remove(file);
                yield null;
            }
            case RECEIPT -> {
                receipt(source, file, name, bytes, digest);
                yield null;
            }
            case MESSAGE -> message(source, file, name, bytes, digest);
        };
    }

    /** After the accept step stored the message: a receipt back where the link has a way back, then the file goes. */
    public void imported(Opened opened) {
        DropSource source = source(opened.file());
        String fileName = opened.file().path().getFileName().toString();
        FileEntry entry = new FileEntry(opened.name().first(), fileName, opened.digest());
        if (source.transport().receipts()) {
            exports.receipt(source, entry, opened.messageId());
        }
        long before = ledger.highestArrived(source.id());
        ledger.recordImport(source.id(), opened.name(), opened.digest(), opened.messageId(), null, clock.instant());
        audit.record(
                event(Outcome.OK, source, opened.verified().exchange().header().exchangeId())
                        .digest(opened.digest())
                        .detail(fileName + " imported as message " + opened.messageId()));
        auditGap(source, before, opened.name().first());
        remove(opened.file());
    }

    /**
     * The error path of a file (route configuration DROP): into the quarantine folder with its reason, recorded
     * and audited. While the database cannot be reached nothing is moved: the next look tries again.
     */
    public void quarantine(
            @ExchangeProperty(FileDropRoutes.FILE) Dropped file,
            @ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (StoreFailures.unavailable(cause)) {
            log.warn("{} stays where it is, the database is unavailable: {}", file.path(), cause.toString());
            return;
        }
        ErrorCode code = cause instanceof GatewayException g ? g.code() : ErrorCode.INTERNAL_ERROR;
        String reason = code + ": " + cause.getMessage();
        String fileName = file.path().getFileName().toString();
        Optional<DropNames.Parsed> name = DropNames.parse(fileName);
        String digest = Files.isRegularFile(file.path()) ? digestOf(file.path()) : null;
        DropFolder.quarantine(file.path(), reason);
        Optional<DropSource> source = sources.find(file.sourceId());
        // A number already imported keeps its row: a file that came under it again is quarantined and audited only.
        if (name.isPresent()
                && name.get().kind() != DropNames.Kind.MANIFEST
                && digest != null
                && importedBefore(file.sourceId(), name.get().first()).isEmpty()) {
            long before = ledger.highestArrived(file.sourceId());
            ledger.recordImport(file.sourceId(), name.get(), digest, null, code.name(), clock.instant());
            source.ifPresent(s -> auditGap(s, before, name.get().first()));
        }
        UUID exchangeId = cause instanceof RejectedSubmissionException r ? r.claimedExchangeId() : null;
        audit.record(AuditEvent.rejected(
                        AuditStep.IMPORT, exchangeId, code, fileName + " quarantined: " + cause.getMessage())
                .partner(file.sourceId())
                .actor(file.sourceId(), null)
                .digest(digest));
        log.warn("{} from {} quarantined: {}", fileName, file.sourceId(), reason);
    }

    /** What the number brought when it was imported; empty when it never was (or only quarantined). */
    private Optional<DropLedger.Imported> importedBefore(String sourceId, long number) {
        return ledger.imported(sourceId, number).filter(i -> !i.quarantined());
    }

    private Opened message(DropSource source, Dropped file, DropNames.Parsed name, byte[] bytes, String digest) {
        if (!source.sendsMessages()) {
            throw invalid(source.id() + " sends no messages by file, only receipts");
        }
        String messageId = source.partner().format().intake().orElseThrow().messageId(SecureXml.parse(bytes));
        Optional<DropLedger.Imported> before = importedBefore(source.id(), name.first());
        if (before.isPresent()) {
            if (!before.get().digest().equals(digest)) {
                if (!messageId.equals(before.get().messageId())) {
                    throw invalid("number " + name.first() + " already brought other content");
                }
                // The same message rendered again (a new CreatedAt) is the partner's only if the partner signed
                // it: an unverified file claiming an imported message's id must not pass as its duplicate.
                inbound.verifyDropped(source.partner(), source.certificates().get(0), bytes);
            }
            duplicate(source, file, name, before.get(), digest, messageId);
            return null;
        }
        ledger.announced(source.id(), name.first())
                .filter(announced -> !announced.digest().equals(digest))
                .ifPresent(announced -> {
                    throw invalid("not the file " + announced.manifest() + " announces as number " + name.first());
                });
        VerifiedExchange verified =
                inbound.verifyDropped(source.partner(), source.certificates().get(0), bytes);
        return new Opened(file, name, digest, messageId, verified);
    }

    /** A message that came before: dropped, with its receipt sent again in case the first was lost. */
    private void duplicate(
            DropSource source,
            Dropped file,
            DropNames.Parsed name,
            DropLedger.Imported first,
            String digest,
            String messageId) {
        if (source.transport().receipts()) {
            exports.receipt(
                    source,
                    new FileEntry(name.first(), file.path().getFileName().toString(), first.digest()),
                    messageId);
        }
        audit.record(event(Outcome.OK, source, null)
                .code("DUPLICATE")
                .digest(digest)
                .detail(file.path().getFileName() + ": number " + name.first() + " came before, dropped"));
        remove(file);
    }

    private void receipt(DropSource source, Dropped file, DropNames.Parsed name, byte[] bytes, String digest) {
        Optional<DropLedger.Imported> before = importedBefore(source.id(), name.first());
        if (before.isPresent()) {
            if (!before.get().digest().equals(digest)) {
                throw invalid("number " + name.first() + " already brought other content");
            }
            remove(file);
            return;
        }
        String fileName = file.path().getFileName().toString();
        Optional<UUID> confirmed = receipts.apply(source, fileName, bytes, digest);
        if (confirmed.isEmpty()) {
            return; // the share is still being recorded as handed over: the next look applies it
        }
        long highest = ledger.highestArrived(source.id());
        ledger.recordImport(source.id(), name, digest, null, null, clock.instant());
        audit.record(event(Outcome.OK, source, confirmed.get()).digest(digest).detail(fileName + " applied"));
        auditGap(source, highest, name.first());
        remove(file);
    }

    private void announce(DropSource source, String fileName, byte[] bytes) {
        DropDocuments.Manifest manifest = DropDocuments.readManifest(signatures.verified(source, bytes));
        ledger.announce(source.id(), manifest.files(), fileName);
        audit.record(event(Outcome.OK, source, null)
                .digest(Digests.sha256(bytes))
                .detail(fileName + " announces " + manifest.files().size() + " file(s), numbers " + manifest.first()
                        + " to " + manifest.last()));
    }

    /** A number beyond the next one expected leaves the ones between missing, for now: audited once, here. */
    private void auditGap(DropSource source, long highestBefore, long arrived) {
        if (arrived > highestBefore + 1) {
            DropStatus.Range missing = new DropStatus.Range(highestBefore + 1, arrived - 1);
            audit.record(event(Outcome.FAILED, source, null)
                    .code("SEQUENCE_GAP")
                    .detail("number " + arrived + " arrived, " + missing + " missing"));
            log.warn("file-drop gap from {}: {} missing", source.id(), missing);
        }
    }

    private DropSource source(Dropped file) {
        return sources.find(file.sourceId()).orElseThrow(() -> invalid(file.sourceId() + " no longer exchanges files"));
    }

    private static AuditEvent event(Outcome outcome, DropSource source, UUID exchangeId) {
        return AuditEvent.of(AuditStep.IMPORT, outcome)
                .about(exchangeId, source.id())
                .actor(source.id(), null);
    }

    /** A file's bytes, unless it is larger than any document the gateway accepts. */
    private byte[] readBounded(Path file) {
        try {
            long size = Files.size(file);
            if (size > intake.maxDocumentSize().toBytes()) {
                throw new GatewayException(
                        ErrorCode.MESSAGE_TOO_LARGE, "file of " + size + " bytes exceeds " + intake.maxDocumentSize());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return read(file);
    }

    /** Read in blocks: a file refused as too large must not be loaded whole to be named. */
    private static String digestOf(Path file) {
        try {
            return Digests.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void remove(Dropped file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file.path(), e);
        }
    }

    private static GatewayException invalid(String message) {
        return new GatewayException(ErrorCode.TRANSFER_FILE_INVALID, message);
    }
}
