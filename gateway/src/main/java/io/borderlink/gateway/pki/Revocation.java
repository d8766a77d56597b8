package io.borderlink.gateway.pki;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of revocation data: every CRL the gateway knows, from the CRL folder and from the
 * distribution points of the certificates it has seen, held as one immutable {@link Snapshot} that
 * validations read and a refresh replaces whole. A snapshot holds only CRLs that are current; one past its
 * nextUpdate moves to {@link Snapshot#expired} and no longer counts, so the certificates under it are
 * refused (REVOCATION_UNKNOWN) until a fresh one arrives. Each replacement has a new generation, which
 * is what validation caches and TLS clients are keyed by.
 */
public final class Revocation {

    private static final Logger log = LoggerFactory.getLogger(Revocation.class);

    /** A CRL and where it came from: a file of the CRL folder, or a distribution point's address. */
    public record Crl(X509CRL crl, String source) {

        public String issuer() {
            return crl.getIssuerX500Principal().getName();
        }

        /** The nextUpdate, or null when the CRL names none. */
        public Instant nextUpdate() {
            return crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        }

        boolean currentAt(Instant now) {
            return crl.getNextUpdate() == null || now.isBefore(nextUpdate());
        }
    }

    /** The revocation data in force: CRLs that count, those that expired, and since when this holds. */
    public record Snapshot(long generation, List<Crl> current, List<Crl> expired, Instant since) {

        public Snapshot {
            current = List.copyOf(current);
            expired = List.copyOf(expired);
        }

        public List<X509CRL> crls() {
            return current.stream().map(Crl::crl).toList();
        }
    }

    /** What a refresh changed: CRLs that arrived or were replaced, and CRLs that expired since the last one. */
    public record Change(Snapshot after, List<Crl> arrived, List<Crl> newlyExpired) {}

    private final Path folder;
    private final CrlFetcher fetcher;
    private final Clock clock;
    /** Per file of the folder: the digest read last and the CRLs it held then. */
    private final Map<Path, FileCrls> files = new LinkedHashMap<>();
    /** Per distribution point: the CRLs fetched last (kept when a later fetch fails). */
    private final Map<URI, List<X509CRL>> fetched = new LinkedHashMap<>();

    private volatile Snapshot snapshot;

    Revocation(Path folder, CrlFetcher fetcher, Clock clock) {
        this.folder = folder;
        this.fetcher = fetcher;
        this.clock = clock;
        readFolder();
        this.snapshot = build(0);
    }

    public Snapshot current() {
        return snapshot;
    }

    /**
     * Reads the CRL folder again, fetches every known distribution point again, and replaces the snapshot
     * when anything changed, including a CRL reaching its nextUpdate. Returns what changed, if anything.
     */
    public synchronized Optional<Change> refresh() {
        readFolder();
        fetched.keySet().forEach(this::fetch);
        return swapIfChanged();
    }

    /**
     * Makes the distribution points of these certificates known; those seen for the first time are fetched
     * now, so the first validation that needs them has their CRL, and again at every refresh.
     */
    synchronized void watch(Collection<X509Certificate> certificates) {
        boolean added = false;
        for (X509Certificate certificate : certificates) {
            for (URI point : Certificates.crlDistributionPoints(certificate)) {
                if (!fetched.containsKey(point)) {
                    fetched.put(point, List.of());
                    fetch(point);
                    added = true;
                }
            }
        }
        if (added) {
            swapIfChanged();
        }
    }

    private Optional<Change> swapIfChanged() {
        Snapshot before = snapshot;
        Snapshot candidate = build(before.generation() + 1);
        if (candidate.current().equals(before.current()) && candidate.expired().equals(before.expired())) {
            return Optional.empty();
        }
        snapshot = candidate;
        List<Crl> arrived = new ArrayList<>(candidate.current());
        arrived.removeAll(before.current());
        List<Crl> newlyExpired = new ArrayList<>(candidate.expired());
        newlyExpired.removeAll(before.expired());
        log.info(
                "revocation data replaced (generation {}): {} CRL(s) in force, {} new, {} newly expired",
                candidate.generation(),
                candidate.current().size(),
                arrived.size(),
                newlyExpired.size());
        return Optional.of(new Change(candidate, arrived, newlyExpired));
    }

    private Snapshot build(long generation) {
        Instant now = clock.instant();
        List<Crl> all = new ArrayList<>();
        files.forEach((file, crls) -> crls.crls()
                .forEach(crl -> all.add(new Crl(crl, file.getFileName().toString()))));
        fetched.forEach((point, crls) -> crls.forEach(crl -> all.add(new Crl(crl, point.toString()))));
        return new Snapshot(
                generation,
                all.stream().filter(crl -> crl.currentAt(now)).toList(),
                all.stream().filter(crl -> !crl.currentAt(now)).toList(),
                now);
    }

    /** Re-reads changed files; a file that cannot be read or parsed right now keeps what it held before. */
    private void readFolder() {
        List<Path> present;
        try (Stream<Path> listing = Files.list(folder)) {
            present = listing.filter(Revocation::isCrlFile).sorted().toList();
        } catch (IOException e) {
            if (snapshot == null) {
                throw new IllegalStateException("cannot read CRLs from " + folder + ": " + e.getMessage(), e);
            }
            log.warn("cannot list the CRL folder {}, keeping the CRLs read before: {}", folder, e.toString());
            return;
        }
        files.keySet().retainAll(present);
        for (Path file : present) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String digest = Digests.sha256(bytes);
                FileCrls known = files.get(file);
                if (known == null || !known.digest().equals(digest)) {
                    files.put(file, new FileCrls(digest, Certificates.parseCrls(bytes)));
                }
            } catch (IOException | IllegalArgumentException e) {
                if (snapshot == null) {
                    throw new IllegalStateException("cannot read CRLs from " + file + ": " + e.getMessage(), e);
                }
                log.warn("cannot read {} now, keeping what it held before: {}", file, e.toString());
            }
        }
    }

    private void fetch(URI point) {
        try {
            fetched.put(point, fetcher.fetch(point));
        } catch (IOException e) {
            log.warn("CRL distribution point {} failed, keeping the CRL fetched before: {}", point, e.getMessage());
        }
    }

    private static boolean isCrlFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".crl.pem") || name.endsWith(".crl"));
    }

    private record FileCrls(String digest, List<X509CRL> crls) {}
}
