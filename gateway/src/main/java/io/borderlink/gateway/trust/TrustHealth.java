package io.borderlink.gateway.trust;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.config.CertificateFiles;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.people.People;
import io.borderlink.gateway.people.PeopleDirectory;
import io.borderlink.gateway.people.Person;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.PkiSettings;
import io.borderlink.gateway.pki.Revocation;
import io.borderlink.gateway.pki.Trust;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * When the trust the gateway relies on runs out: its own certificates (signing, encryption, TLS), every
 * trust anchor and intermediate, every registered agency, partner and person certificate, and every CRL
 * in force or expired. An entry inside the warning horizon ({@code borderlink.pki.revocation.*-warning}) is
 * {@link Status#EXPIRING}, one past its end {@link Status#EXPIRED}. What the health indicator, the metrics
 * and the operators' views are made of.
 */
@Component
public class TrustHealth {

    /** How close an entry is to its end. */
    public enum Status {
        OK,
        EXPIRING,
        EXPIRED
    }

    /**
     * One certificate the gateway relies on.
     *
     * @param owner whose it is: {@code gateway}, a trust domain ({@code agencies}, {@code people}), an agency,
     *     partner or person id
     * @param kind what it is used as, e.g. {@code signing}, {@code tls-server}, {@code agency}, {@code partner-root}
     * @param fingerprint SHA-256 of the certificate, how the gateway names certificates everywhere
     */
    public record CertificateExpiry(
            String owner,
            String kind,
            String subject,
            String fingerprint,
            Instant notAfter,
            long daysLeft,
            Status status) {}

    /**
     * One CRL, in force or expired.
     *
     * @param source the file in the CRL folder or the distribution point it came from
     * @param nextUpdate null when the CRL names none (it then never expires)
     */
    public record CrlExpiry(
            String issuer, String source, Instant thisUpdate, Instant nextUpdate, long secondsLeft, Status status) {}

    private final GatewayKeys keys;
    private final SslBundles tls;
    private final Trust trust;
    private final Agencies agencies;
    private final Partners partners;
    private final People people;
    private final Revocation revocation;
    private final Duration certificateWarning;
    private final Duration crlWarning;
    private final Clock clock;

    TrustHealth(
            GatewayKeys keys,
            SslBundles tls,
            Trust trust,
            Agencies agencies,
            Partners partners,
            People people,
            Revocation revocation,
            PkiSettings settings,
            Clock clock) {
        this.keys = keys;
        this.tls = tls;
        this.trust = trust;
        this.agencies = agencies;
        this.partners = partners;
        this.people = people;
        this.revocation = revocation;
        this.certificateWarning = settings.revocation().certificateWarning();
        this.crlWarning = settings.revocation().crlWarning();
        this.clock = clock;
    }

    /** Every certificate the gateway relies on, soonest to expire first. */
    public List<CertificateExpiry> certificates() {
        Instant now = clock.instant();
        List<CertificateExpiry> all = new ArrayList<>();
        Entries entries = (owner, kind, certificate) -> all.add(expiry(owner, kind, certificate, now));
        entries.add("gateway", "signing", keys.signing().certificate());
        entries.add("gateway", "encryption", keys.encryption().certificate());
        keys.auditCheckpoint().ifPresent(k -> entries.add("gateway", "audit-checkpoint", k.certificate()));
        tlsCertificates(entries);
        trust.agencies().domain().anchors().forEach(c -> entries.add(Trust.AGENCIES, "trust-anchor", c));
        trust.agencies().domain().intermediates().forEach(c -> entries.add(Trust.AGENCIES, "intermediate", c));
        trust.people().domain().anchors().forEach(c -> entries.add(Trust.PEOPLE, "trust-anchor", c));
        trust.people().domain().intermediates().forEach(c -> entries.add(Trust.PEOPLE, "intermediate", c));
        // Registered certificates and roots as the configuration in force read them (what is used, even while a file
        // on disk is being replaced); the roots are Trust's, which validates against them.
        AgencyDirectory agenciesInForce = agencies.current();
        for (Agency agency : agenciesInForce.all()) {
            agency.certificates()
                    .forEach(file ->
                            entries.add(agency.id(), "agency", registered(agenciesInForce.certificateFiles(), file)));
            agency.recipient().ifPresent(to -> {
                entries.add(
                        agency.id(),
                        "agency-encryption",
                        registered(agenciesInForce.certificateFiles(), to.certificate()));
                entries.add(agency.id(), "tls-server-root", trust.anchor(to.trustAnchor()));
            });
        }
        PartnerDirectory partnersInForce = partners.current();
        for (Partner partner : partnersInForce.all()) {
            entries.add(partner.id(), "partner", registered(partnersInForce.certificateFiles(), partner.certificate()));
            entries.add(partner.id(), "partner-root", trust.anchor(partner.trustAnchor()));
        }
        PeopleDirectory peopleInForce = people.current();
        for (Person person : peopleInForce.all()) {
            person.certificates()
                    .forEach(file ->
                            entries.add(person.id(), "person", registered(peopleInForce.certificateFiles(), file)));
        }
        all.sort((a, b) -> a.notAfter().compareTo(b.notAfter()));
        return Collections.unmodifiableList(all);
    }

    /** Every CRL the gateway has, in force or expired, soonest to expire first. */
    public List<CrlExpiry> crls() {
        Instant now = clock.instant();
        Revocation.Snapshot snapshot = revocation.current();
        List<CrlExpiry> all = new ArrayList<>();
        snapshot.current().forEach(crl -> all.add(expiry(crl, now)));
        snapshot.expired().forEach(crl -> all.add(expiry(crl, now)));
        all.sort((a, b) -> a.nextUpdate() == null
                ? 1
                : b.nextUpdate() == null ? -1 : a.nextUpdate().compareTo(b.nextUpdate()));
        return Collections.unmodifiableList(all);
    }

    private CertificateExpiry expiry(String owner, String kind, X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        return new CertificateExpiry(
                owner,
                kind,
                certificate.getSubjectX500Principal().getName(),
                Certificates.fingerprint(certificate),
                notAfter,
                Duration.between(now, notAfter).toDays(),
                status(now, notAfter, certificateWarning));
    }

    private CrlExpiry expiry(Revocation.Crl crl, Instant now) {
        Instant next = crl.nextUpdate();
        return new CrlExpiry(
                crl.issuer(),
                crl.source(),
                crl.crl().getThisUpdate().toInstant(),
                next,
                next == null ? Long.MAX_VALUE : Duration.between(now, next).toSeconds(),
                next == null ? Status.OK : status(now, next, crlWarning));
    }

    private static Status status(Instant now, Instant end, Duration horizon) {
        if (!now.isBefore(end)) {
            return Status.EXPIRED;
        }
        return now.plus(horizon).isBefore(end) ? Status.OK : Status.EXPIRING;
    }

    /** The TLS server's own certificate and the roots it accepts clients under. */
    private void tlsCertificates(Entries entries) {
        try {
            KeyStore keyStore = tls.getBundle("server").getStores().getKeyStore();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate own) {
                    entries.add("gateway", "tls-server", own);
                }
            }
            KeyStore trustStore = tls.getBundle("server").getStores().getTrustStore();
            if (trustStore != null) {
                for (String alias : Collections.list(trustStore.aliases())) {
                    if (trustStore.getCertificate(alias) instanceof X509Certificate root) {
                        entries.add("gateway", "tls-client-root", root);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS key and trust stores: " + e.getMessage(), e);
        }
    }

    private static X509Certificate registered(CertificateFiles files, Path file) {
        return files.certificate(file).orElseThrow();
    }

    @FunctionalInterface
    private interface Entries {
        void add(String owner, String kind, X509Certificate certificate);
    }
}
