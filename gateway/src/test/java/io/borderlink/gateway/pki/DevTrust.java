package io.borderlink.gateway.pki;

import io.borderlink.testkit.DevPki;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/** Trust in the development PKI as the dev profile configures it (CRLs from certs-dev/ca), for tests without Spring. */
public final class DevTrust {

    private DevTrust() {}

    public static Trust create() {
        PkiSettings settings = new PkiSettings(
                null,
                null,
                null,
                null,
                null,
                List.of(),
                new PkiSettings.TrustSettings(
                        List.of(DevPki.file("ca/national-root.crt.pem")), List.of(DevPki.file("ca/agency-ca.crt.pem"))),
                new PkiSettings.TrustSettings(
                        List.of(DevPki.file("ca/national-root.crt.pem")), List.of(DevPki.file("ca/staff-ca.crt.pem"))),
                DevPki.file("ca"),
                Duration.ofMinutes(5),
                new PkiSettings.RevocationSettings(
                        Duration.ofMinutes(1),
                        Set.of(),
                        Duration.ofSeconds(10),
                        DataSize.ofMegabytes(1),
                        Duration.ofHours(24),
                        Duration.ofDays(30)));
        Clock clock = Clock.systemUTC();
        Revocation revocation = new Revocation(
                settings.crlFolder(),
                new CrlFetcher(
                        settings.revocation().fetchTimeout(),
                        settings.revocation().maxCrlSize().toBytes()),
                clock);
        // No configuration in force: the anchors are read from the files the recipients name.
        return new Trust(settings, revocation, clock, file -> Optional.empty());
    }
}
