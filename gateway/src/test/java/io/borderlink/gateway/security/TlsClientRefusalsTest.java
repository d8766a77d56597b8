package io.borderlink.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.testkit.DevPki;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Why a TLS client was refused, in the words an operator searches the trail for. */
class TlsClientRefusalsTest {

    private static final CertificateException PKIX =
            new CertificateException("PKIX path building failed: unable to find valid certification path");

    @Test
    void namesAnExpiredCertificateByItsDate() {
        assertThat(at("2026-12-06T10:00:00Z").reason(DevPki.certificate("mn-customs-expired"), PKIX))
                .isEqualTo("the certificate expired on 2021-01-01T00:00:00Z");
    }

    @Test
    void namesACertificateNotValidYet() {
        assertThat(at("2024-06-01T00:00:00Z").reason(DevPki.certificate("mn-border"), PKIX))
                .isEqualTo("the certificate is not valid before 2025-01-01T00:00:00Z");
    }

    @Test
    void namesTheIssuerNobodyTrusts() {
        assertThat(at("2026-12-06T10:00:00Z").reason(DevPki.certificate("rogue-agency"), PKIX))
                .isEqualTo("issued by CN=Rogue Dev Root CA,OU=DEV ONLY,O=Rogue,C=XX, which the gateway does not trust");
    }

    private static TlsClientRefusals at(String instant) {
        return new TlsClientRefusals(null, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }
}
