package io.borderlink.crypto;

import static io.borderlink.crypto.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.testkit.DevPki;
import org.junit.jupiter.api.Test;

/** Certificates are used only for what they are certified for (the development PKI sets each usage). */
class KeyUsagesTest {

    @Test
    void refusesAnEncryptionOnlyCertificateAsASigner() {
        assertRefused(() -> KeyUsages.requireSigning(DevPki.certificate("gateway-enc")), ErrorCode.CERT_UNTRUSTED);
        assertRefused(() -> KeyUsages.requireSigning(DevPki.certificate("gateway-enc-ec")), ErrorCode.CERT_UNTRUSTED);
        assertThatCode(() -> KeyUsages.requireSigning(DevPki.certificate("mn-border")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesASigningOnlyCertificateAsARecipient() {
        assertRefused(() -> KeyUsages.requireEncryption(DevPki.certificate("officer-1")), ErrorCode.CERT_UNTRUSTED);
        assertRefused(() -> KeyUsages.requireEncryption(DevPki.certificate("gateway-ec")), ErrorCode.CERT_UNTRUSTED);
        assertThatCode(() -> KeyUsages.requireEncryption(DevPki.certificate("gateway-enc-ec")))
                .doesNotThrowAnyException();
        assertThatCode(() -> KeyUsages.requireEncryption(DevPki.certificate("ru-liaison")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAClientOnlyCertificateAsATlsServer() {
        assertRefused(() -> KeyUsages.requireTlsServer(DevPki.certificate("officer-1")), ErrorCode.CERT_UNTRUSTED);
        assertThatCode(() -> KeyUsages.requireTlsClient(DevPki.certificate("officer-1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> KeyUsages.requireTlsServer(DevPki.certificate("ru-liaison")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesToEncryptToACertificateNotCertifiedForIt() {
        XmlCrypto crypto = new XmlCrypto();
        var document = io.borderlink.contracts.xml.SecureXml.parse("<a><b>secret</b></a>".getBytes());
        assertRefused(
                () -> crypto.encrypt(
                        document,
                        (org.w3c.dom.Element) document.getDocumentElement().getFirstChild(),
                        DevPki.certificate("officer-1"),
                        KeyTransport.RSA_OAEP),
                ErrorCode.CERT_UNTRUSTED);
    }
}
