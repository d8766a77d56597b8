package io.borderlink.gateway.pki;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.CertificateValidator;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.TrustDomain;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whom the gateway trusts, one trust domain per kind of caller: agency systems chain to their anchors
 * through the agency CA, people through the staff CA, and each partner (and each recipient's TLS server)
 * to the root its file names. Keeping them apart means a person's certificate never passes for an
 * agency's, nor one partner's CA for another's. Every validation reads the revocation data in force now
 * ({@link Revocation}) and the trust anchors of the partner and agency files in force: the validators, and the
 * successful validations they remember, belong to one {@link Generation} of both, and the next generation starts
 * with new ones.
 */
public final class Trust {

    private static final Logger log = LoggerFactory.getLogger(Trust.class);

    public static final String AGENCIES = "agencies";
    public static final String PEOPLE = "people";

    private final List<X509Certificate> agencyAnchors;
    private final List<X509Certificate> agencyIntermediates;
    private final List<X509Certificate> peopleAnchors;
    private final List<X509Certificate> peopleIntermediates;
    private final Revocation revocation;
    private final Set<String> distributionPoints;
    private final Clock clock;
    private final Duration cacheFor;
    private final TrustAnchors anchors;
    private final AtomicReference<Validators> validators = new AtomicReference<>();
    private final AtomicLong configurations = new AtomicLong();

    /**
     * What validations are made against: the revocation data in force, and how many times a partner or agency
     * configuration was applied (each may have replaced a trust anchor its files name, renewed in place).
     */
    public record Generation(long revocation, long configuration) {}

    Trust(PkiSettings settings, Revocation revocation, Clock clock, TrustAnchors anchors) {
        this.agencyAnchors = read(settings.agencies().anchors());
        this.agencyIntermediates = read(settings.agencies().intermediates());
        this.peopleAnchors = read(settings.people().anchors());
        this.peopleIntermediates = read(settings.people().intermediates());
        this.revocation = revocation;
        this.distributionPoints = Set.copyOf(settings.revocation().distributionPoints());
        this.clock = clock;
        this.cacheFor = settings.validationCache();
        this.anchors = anchors;
    }

    /** The agencies' validator of the revocation data in force (its domain names anchors and intermediates). */
    public CertificateValidator agencies() {
        return current().agencies();
    }

    public CertificateValidator people() {
        return current().people();
    }

    /** Which revocation data and trust anchors validations use now; it changes whenever either does. */
    public Generation generation() {
        return new Generation(revocation.current().generation(), configurations.get());
    }

    /**
     * Called once a reload has put a partner or agency configuration in force, which read and checked the trust
     * anchors its files name: validations from now on read them anew (a root replaced in place, its file name
     * unchanged), and what earlier validations remember is forgotten.
     */
    public void configurationApplied() {
        configurations.incrementAndGet();
    }

    /** An agency system's signing or TLS certificate, or CERT_… / REVOCATION_UNKNOWN. */
    public void validateAgency(X509Certificate certificate) {
        watch(AGENCIES, certificate, agencyIntermediates);
        validate(current().agencies(), certificate);
    }

    /** A person's TLS certificate (console, officers' and auditors' APIs), or CERT_… / REVOCATION_UNKNOWN. */
    public void validatePerson(X509Certificate certificate) {
        watch(PEOPLE, certificate, peopleIntermediates);
        validate(current().people(), certificate);
    }

    /**
     * A certificate that must chain to the root a partner's (or an agency's inbound) file names: the
     * partner's TLS client and signing certificate, what we encrypt to, the TLS server we deliver to.
     *
     * @param name the partner's or agency's id: the domain's name in messages and in {@code distribution-points}
     */
    public void validateAnchoredAt(String name, Path trustAnchor, X509Certificate certificate) {
        watch(name, certificate, intermediates());
        Validators now = current();
        validate(
                now.anchored()
                        .computeIfAbsent(
                                new Anchor(name, trustAnchor),
                                anchor -> validator(new TrustDomain(
                                        name, List.of(anchor(trustAnchor)), intermediates(), now.crls()))),
                certificate);
    }

    /** The root a partner or agency file names, as the configuration in force read and checked it. */
    public X509Certificate anchor(Path file) {
        // An anchor no configuration names (a test's, a tool's) is read from its file.
        return anchors.inForce(file).orElseGet(() -> Certificates.readCertificate(file));
    }

    private void watch(String domain, X509Certificate certificate, List<X509Certificate> intermediates) {
        if (distributionPoints.contains(domain)) {
            List<X509Certificate> path = new ArrayList<>(intermediates);
            path.add(certificate);
            revocation.watch(path);
        }
    }

    /**
     * Says whether the certificate's issuer's CRL is missing or expired when the revocation status could not be
     * established. The refusal reaches the caller, so it names only that issuer; where the operators' CRLs come
     * from (files, URLs) and the state of the others go to the log.
     */
    private void validate(CertificateValidator validator, X509Certificate certificate) {
        try {
            validator.validatePath(certificate);
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.REVOCATION_UNKNOWN) {
                throw e;
            }
            List<Revocation.Crl> expired = revocation.current().expired();
            if (!expired.isEmpty()) {
                log.warn(
                        "revocation status unknown for {}; CRLs past their nextUpdate: {}",
                        certificate.getSubjectX500Principal().getName(),
                        expired.stream()
                                .map(crl ->
                                        crl.issuer() + " (" + crl.source() + ", next update " + crl.nextUpdate() + ")")
                                .collect(Collectors.joining(", ")));
            }
            String issuer = certificate.getIssuerX500Principal().getName();
            throw new GatewayException(
                    ErrorCode.REVOCATION_UNKNOWN,
                    e.getMessage()
                            + expired.stream()
                                    .filter(crl -> crl.issuer().equals(issuer))
                                    .findFirst()
                                    .map(crl -> "; the CRL of " + issuer + " is past its nextUpdate ("
                                            + crl.nextUpdate() + ")")
                                    .orElse(" (no current CRL of that issuer is loaded)"),
                    e);
        }
    }

    /** The validators of the generation in force, made when it changed and shared until it changes again. */
    private Validators current() {
        Revocation.Snapshot snapshot = revocation.current();
        Generation now = new Generation(snapshot.generation(), configurations.get());
        Validators known = validators.get();
        if (known != null && known.generation().equals(now)) {
            return known;
        }
        Validators made = new Validators(
                now,
                snapshot.crls(),
                validator(new TrustDomain(AGENCIES, agencyAnchors, agencyIntermediates, snapshot.crls())),
                validator(new TrustDomain(PEOPLE, peopleAnchors, peopleIntermediates, snapshot.crls())),
                new ConcurrentHashMap<>());
        // Another thread may have made the same generation's at the same time; either set is good.
        validators.set(made);
        return made;
    }

    private CertificateValidator validator(TrustDomain domain) {
        return new CertificateValidator(domain, clock, cacheFor);
    }

    /** Intermediates a recipient's TLS server may chain through to its root: the national ones. */
    private List<X509Certificate> intermediates() {
        return Stream.concat(agencyIntermediates.stream(), peopleIntermediates.stream())
                .distinct()
                .toList();
    }

    private static List<X509Certificate> read(List<Path> files) {
        return files.stream().map(Certificates::readCertificate).toList();
    }

    private record Validators(
            Generation generation,
            List<X509CRL> crls,
            CertificateValidator agencies,
            CertificateValidator people,
            Map<Anchor, CertificateValidator> anchored) {}

    private record Anchor(String name, Path file) {}
}
