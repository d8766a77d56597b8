package io.borderlink.crypto;

import static io.borderlink.crypto.Refusals.assertRefused;
import static io.borderlink.crypto.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.testkit.DevPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The profile with elliptic-curve keys (contracts/PROFILE.md, "Elliptic-curve keys"): ECDSA signatures,
 * and the content key agreed with ECDH-ES, derived with ConcatKDF and wrapped with AES-256, held to the
 * same allow-list, shape rules and single decryption error as RSA.
 */
class XmlCryptoEllipticCurveTest {

    private static final String NS = "urn:borderlink:exchange:1";
    private static final String PLAIN =
            """
            <Exchange xmlns="urn:borderlink:exchange:1"><Header><ExchangeId>e1</ExchangeId></Header>\
            <Markings><Classification>RESTRICTED</Classification></Markings>\
            <Body><Narrative lang="en">A grey truck crossed at Altanbulag.</Narrative></Body></Exchange>""";
    private static final String NARRATIVE = "A grey truck crossed at Altanbulag.";

    private final XmlCrypto crypto = new XmlCrypto();
    private final SigningKey intel = DevPki.key("mn-intel");
    private final SigningKey gatewayEncEc = DevPki.key("gateway-enc-ec");
    private final SigningKey gatewayEnc = DevPki.key("gateway-enc");

    @Test
    void decryptsThenVerifiesWhatAnEcAgencySignedWithEcdsaAndAgreedAKeyFor() {
        Document received = reparse(protect(PLAIN, intel, gatewayEncEc));
        assertThat(algorithms(received))
                .contains(
                        XmlAlgorithms.ECDSA_SHA256,
                        XmlAlgorithms.ECDH_ES,
                        XmlAlgorithms.CONCAT_KDF,
                        XmlAlgorithms.KW_AES256,
                        XmlAlgorithms.AES256_GCM)
                .doesNotContain(XmlAlgorithms.RSA_OAEP, XmlAlgorithms.RSA_SHA256);

        crypto.decrypt(received, gatewayEncEc.privateKey());

        assertThat(crypto.verify(received)).isEqualTo(intel.certificate());
        assertThat(body(received).getTextContent()).isEqualTo(NARRATIVE);
    }

    /** The agreed key's namespaces are real declarations in memory, as a recipient's parser sees them. */
    @Test
    void anEncryptedDocumentCanonicalizesInMemoryAsItsBytesParse() {
        Document document = SecureXml.parse(PLAIN.getBytes(StandardCharsets.UTF_8));
        crypto.protect(document, body(document), intel, gatewayEncEc.certificate(), KeyTransport.RSA_OAEP);

        assertThat(Digests.sha256OfCanonicalXml(document))
                .isEqualTo(Digests.sha256OfCanonicalXml(reparse(SecureXml.serialize(document))));
    }

    @Test
    void signsWithEcdsaSha384AndAgreesKeysOnP384() {
        SigningKey signer = P384Keys.p384("p384-signer");
        SigningKey recipient = P384Keys.p384("p384-recipient");
        Document received = reparse(protect(PLAIN, signer, recipient));
        assertThat(algorithms(received)).contains(XmlAlgorithms.ECDSA_SHA384, XmlAlgorithms.ECDH_ES);

        crypto.decrypt(received, recipient.privateKey());

        assertThat(crypto.verify(received)).isEqualTo(signer.certificate());
    }

    @Test
    void namesTheRecipientsCertificateSoThatTheRightOfSeveralKeysDecrypts() {
        List<SigningKey> gatewayKeys = List.of(gatewayEnc, DevPki.key("kr-liaison"), gatewayEncEc);
        Document agreed = reparse(protect(PLAIN, intel, gatewayEncEc));
        Document transported = reparse(protect(PLAIN, DevPki.key("mn-customs"), gatewayEnc));

        crypto.decrypt(agreed, gatewayKeys);
        crypto.decrypt(transported, gatewayKeys);

        assertThat(crypto.verify(agreed)).isEqualTo(intel.certificate());
        assertThat(crypto.verify(transported)).isEqualTo(DevPki.certificate("mn-customs"));
    }

    @Test
    void givesOneErrorForEveryWayAnAgreedKeyFails() {
        byte[] sent = protect(PLAIN, intel, gatewayEncEc);

        List<GatewayException> refusals = List.of(
                refusal(() ->
                        crypto.decrypt(reparse(sent), DevPki.key("kr-liaison").privateKey())),
                refusal(() -> crypto.decrypt(reparse(sent), gatewayEnc.privateKey())),
                refusal(() -> crypto.decrypt(changed(sent, d -> flipLast(d, "PublicKey")), gatewayEncEc.privateKey())),
                refusal(() ->
                        crypto.decrypt(changed(sent, d -> flipFirst(d, "CipherValue")), gatewayEncEc.privateKey())),
                refusal(() -> crypto.decrypt(
                        changed(sent, d -> first(d, XmlAlgorithms.DSIG11, "NamedCurve")
                                .setAttribute("URI", XmlAlgorithms.P384)),
                        gatewayEncEc.privateKey())));

        assertThat(refusals).extracting(GatewayException::code).containsOnly(ErrorCode.DECRYPTION_FAILED);
        assertThat(refusals).extracting(Throwable::getMessage).containsOnly("decryption failed");
    }

    @Test
    void refusesKeyAgreementOtherThanEcdhEsBeforeTouchingTheKey() {
        assertAlgorithmRefused(d -> agreement(d).setAttribute("Algorithm", "http://www.w3.org/2001/04/xmlenc#dh"));
    }

    @Test
    void refusesAKeyDerivationOtherThanConcatKdf() {
        assertAlgorithmRefused(d -> first(d, XmlAlgorithms.XENC11, "KeyDerivationMethod")
                .setAttribute("Algorithm", "http://www.w3.org/2021/04/xmldsig-more#hkdf"));
    }

    @Test
    void refusesAnAgreedKeyWrappedOtherThanWithAes256() {
        assertAlgorithmRefused(d -> encryptedKeyMethod(d).setAttribute("Algorithm", XmlAlgorithms.XENC + "kw-aes128"));
    }

    @Test
    void refusesAnAes256KeyWrapThatNoAgreementStandsBehind() {
        assertAlgorithmRefused(d -> {
            Element keyInfo = (Element) agreement(d).getParentNode();
            keyInfo.getParentNode().removeChild(keyInfo);
        });
    }

    @Test
    void refusesAnEphemeralKeyOnACurveOutsideTheList() {
        assertAlgorithmRefused(
                d -> first(d, XmlAlgorithms.DSIG11, "NamedCurve").setAttribute("URI", "urn:oid:1.3.132.0.35"));
    }

    @Test
    void refusesAStaticOriginatorCertificate() {
        Document document = changed(protect(PLAIN, intel, gatewayEncEc), d -> {
            Element originator = first(d, XmlAlgorithms.XENC, "OriginatorKeyInfo");
            Element x509 = d.createElementNS(XmlAlgorithms.DSIG, "ds:X509Data");
            x509.appendChild(d.createElementNS(XmlAlgorithms.DSIG, "ds:X509Certificate"))
                    .setTextContent(
                            first(d, XmlAlgorithms.DSIG, "X509Certificate").getTextContent());
            originator.appendChild(x509);
        });

        assertRefused(() -> crypto.decrypt(document, gatewayEncEc.privateKey()), ErrorCode.PROFILE_VIOLATION);
    }

    @Test
    void refusesAnAgreementWithoutKeyDerivation() {
        Document document = changed(protect(PLAIN, intel, gatewayEncEc), d -> {
            Element derivation = first(d, XmlAlgorithms.XENC11, "KeyDerivationMethod");
            derivation.getParentNode().removeChild(derivation);
        });

        assertRefused(() -> crypto.decrypt(document, gatewayEncEc.privateKey()), ErrorCode.PROFILE_VIOLATION);
    }

    @Test
    void refusesContentChangedAfterAnEcdsaSignature() {
        Document received = reparse(protect(PLAIN, intel, gatewayEncEc));
        crypto.decrypt(received, gatewayEncEc.privateKey());
        body(received).getFirstChild().setTextContent("A white truck crossed at Altanbulag.");

        assertRefused(() -> crypto.verify(received), ErrorCode.SIGNATURE_INVALID);
    }

    /**
     * The AgreementMethod Santuario 4.0.4 builds carries redundant and repeated namespace declarations in
     * memory, which exclusive c14n of that DOM renders and the serializer drops: signed in the same DOM, the
     * digest covers markup that never travels. The profile signs first, so its signature never sees one;
     * whoever signs after an agreed encryption must serialize and parse in between, as here.
     */
    @Test
    void verifiesASignatureMadeAfterAnAgreedEncryptionOnceReparsed() {
        Document document = SecureXml.parse(PLAIN.getBytes(StandardCharsets.UTF_8));
        crypto.encrypt(document, body(document), gatewayEncEc.certificate(), KeyTransport.RSA_OAEP);
        Document travelled = reparse(SecureXml.serialize(document));
        crypto.sign(travelled, intel);

        assertThat(crypto.verify(reparse(SecureXml.serialize(travelled)))).isEqualTo(intel.certificate());
    }

    private void assertAlgorithmRefused(Consumer<Document> change) {
        Document document = changed(protect(PLAIN, intel, gatewayEncEc), change);

        assertRefused(() -> crypto.decrypt(document, gatewayEncEc.privateKey()), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    private byte[] protect(String xml, SigningKey signer, SigningKey recipient) {
        Document document = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        crypto.protect(document, body(document), signer, recipient.certificate(), KeyTransport.RSA_OAEP);
        return SecureXml.serialize(document);
    }

    private static Document changed(byte[] sent, Consumer<Document> change) {
        Document document = reparse(sent);
        change.accept(document);
        return reparse(SecureXml.serialize(document));
    }

    private static List<String> algorithms(Document document) {
        var all = document.getElementsByTagNameNS("*", "*");
        return java.util.stream.IntStream.range(0, all.getLength())
                .mapToObj(i -> ((Element) all.item(i)).getAttribute("Algorithm"))
                .filter(a -> !a.isEmpty())
                .toList();
    }

    private static Element agreement(Document document) {
        return first(document, XmlAlgorithms.XENC, "AgreementMethod");
    }

    private static Element encryptedKeyMethod(Document document) {
        return XmlAlgorithms.child(
                first(document, XmlAlgorithms.XENC, "EncryptedKey"), XmlAlgorithms.XENC, "EncryptionMethod");
    }

    private static Element first(Document document, String namespace, String name) {
        return (Element) document.getElementsByTagNameNS(namespace, name).item(0);
    }

    /** Changes the last base64 character before any padding: the value stays well-formed but is wrong. */
    private static void flipLast(Document document, String localName) {
        Element element =
                (Element) document.getElementsByTagNameNS("*", localName).item(0);
        String value = element.getTextContent().strip();
        int at = value.replaceAll("=+$", "").length() - 2;
        element.setTextContent(
                value.substring(0, at) + (value.charAt(at) == 'A' ? 'B' : 'A') + value.substring(at + 1));
    }

    private static void flipFirst(Document document, String localName) {
        Element element =
                (Element) document.getElementsByTagNameNS("*", localName).item(0);
        String value = element.getTextContent().strip();
        element.setTextContent((value.charAt(0) == 'A' ? "B" : "A") + value.substring(1));
    }

    private static Element body(Document document) {
        return (Element) document.getElementsByTagNameNS(NS, "Body").item(0);
    }

    private static Document reparse(byte[] bytes) {
        return SecureXml.parse(bytes);
    }
}
