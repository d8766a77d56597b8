package io.borderlink.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.testkit.DevPki;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CertificateValidatorTest {

    private final CertificateValidator agencies =
            new CertificateValidator(DevPki.agencies(), Clock.systemUTC(), Duration.ofMinutes(5));

    @Test
    void acceptsAnAgencyCertificateIssuedByTheAgencyCa() {
        assertThatCode(() -> agencies.validatePath(DevPki.certificate("mn-customs")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesACertificateListedInTheAgencyCrl() {
        assertRefused("mn-customs-revoked", ErrorCode.CERT_REVOKED);
    }

    @Test
    void refusesAnExpiredCertificate() {
        assertRefused("mn-customs-expired", ErrorCode.CERT_EXPIRED);
    }

    @Test
    void refusesACertificateFromACaNobodyTrusts() {
        assertRefused("rogue-agency", ErrorCode.CERT_UNTRUSTED);
    }

    @Test
    void refusesAPartnerCertificateAsAnAgency() {
        assertRefused("ru-liaison", ErrorCode.CERT_UNTRUSTED);
    }

    @Test
    void refusesAnAgencyCertificateAsAPartner() {
        CertificateValidator ruLiaison =
                new CertificateValidator(DevPki.partner("ru-liaison"), Clock.systemUTC(), Duration.ofMinutes(5));

        assertThatCode(() -> ruLiaison.validatePath(DevPki.certificate("ru-liaison")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ruLiaison.validatePath(DevPki.certificate("mn-customs")))
                .isInstanceOf(GatewayException.class);
    }

    private void assertRefused(String name, ErrorCode code) {
        assertThatThrownBy(() -> agencies.validatePath(DevPki.certificate(name)))
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).code())
                .isEqualTo(code);
    }
}
