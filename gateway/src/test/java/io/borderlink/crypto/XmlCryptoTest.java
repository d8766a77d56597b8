package io.borderlink.crypto;

import static io.borderlink.crypto.Refusals.assertRefused;
import static io.borderlink.crypto.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.testkit.DevPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlCryptoTest {

    private static final String NS = "urn:borderlink:exchange:1";
    private static final String PLAIN =
            """
            <Exchange xmlns="urn:borderlink:exchange:1"><Header><ExchangeId>e1</ExchangeId></Header>\
            <Markings><Classification>RESTRICTED</Classification></Markings>\
            <Body><Narrative lang="en">A grey truck crossed at Altanbulag.</Narrative></Body></Exchange>""";

    private final XmlCrypto crypto = new XmlCrypto();
    private final SigningKey customs = DevPki.key("mn-customs");
    private final SigningKey gatewayEnc = DevPki.key("gateway-enc");

    @ParameterizedTest
    @EnumSource(KeyTransport.class)
    void decryptsThenVerifiesWhatWasSignedThenEncrypted(KeyTransport transport) {
        Document received = reparse(protect(PLAIN, transport));

        crypto.decrypt(received, gatewayEnc.privateKey());
        X509Certificate signer = crypto.verify(received);

        assertThat(signer).isEqualTo(customs.certificate());
        assertThat(body(received).getTextContent()).isEqualTo("A grey truck crossed at Altanbulag.");
    }

    @Test
    void verifiesADocumentBuiltInMemoryOnceItHasTravelled() {
        Document built = SecureXml.newDocument();
        Element body = exchangeWithBody(built);
        body.setTextContent("built, not parsed");
        crypto.protect(built, body, customs, gatewayEnc.certificate(), KeyTransport.RSA_OAEP);

        Document received = reparse(built);
        crypto.decrypt(received, gatewayEnc.privateKey());

        assertThat(crypto.verify(received)).isEqualTo(customs.certificate());
    }

    /**
     * Decrypted content gets the limits of every parsed document: nesting far deeper than any exchange is
     * refused as XML_LIMIT_EXCEEDED, and the document keeps its EncryptedData.
     */
    @Test
    void refusesDecryptedContentNestedDeeperThanAnyDocumentMayBe() {
        Document built = SecureXml.newDocument();
        Element body = exchangeWithBody(built);
        Element inner = body;
        for (int depth = 0; depth < 1_000; depth++) {
            inner = (Element) inner.appendChild(built.createElementNS(NS, "Nested"));
        }
        crypto.encrypt(built, body, gatewayEnc.certificate(), KeyTransport.RSA_OAEP);
        Document received = reparse(built);

        assertRefused(() -> crypto.decrypt(received, gatewayEnc.privateKey()), ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(received.getElementsByTagNameNS(XmlAlgorithms.XENC, "EncryptedData")
                        .getLength())
                .isEqualTo(1);
    }

    @Test
    void refusesContentChangedAfterSigning() {
        Document received = reparse(protect(PLAIN, KeyTransport.RSA_OAEP));
        crypto.decrypt(received, gatewayEnc.privateKey());
        body(received).getFirstChild().setTextContent("A white truck crossed at Altanbulag.");

        assertRefused(() -> crypto.verify(received), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void givesOneErrorForAWrongKeyAndForTamperedCiphertext() {
        Document wrongKey = reparse(protect(PLAIN, KeyTransport.RSA_OAEP));
        Document tampered = reparse(protect(PLAIN, KeyTransport.RSA_OAEP));
        Element cipherValue = (Element) tampered.getElementsByTagNameNS(XmlAlgorithms.XENC, "CipherValue")
                .item(1);
        String value = cipherValue.getTextContent();
        cipherValue.setTextContent((value.charAt(0) == 'A' ? "B" : "A") + value.substring(1));

        GatewayException byWrongKey =
                refusal(() -> crypto.decrypt(wrongKey, DevPki.key("ru-liaison").privateKey()));
        GatewayException byTampering = refusal(() -> crypto.decrypt(tampered, gatewayEnc.privateKey()));

        assertThat(byWrongKey.code()).isEqualTo(ErrorCode.DECRYPTION_FAILED);
        assertThat(byTampering.code()).isEqualTo(ErrorCode.DECRYPTION_FAILED);
        assertThat(byWrongKey.getMessage()).isEqualTo(byTampering.getMessage());
    }

    /** The profile's ban on RetrievalMethod, Manifest and Object holds in the encryption's KeyInfo as in the signature's. */
    @Test
    void refusesARetrievalMethodInTheEncryptionsKeyInfo() {
        Document received = reparse(protect(PLAIN, KeyTransport.RSA_OAEP));
        Element keyInfo = (Element) received.getElementsByTagNameNS(XmlAlgorithms.XENC, "EncryptedKey")
                .item(0)
                .getParentNode();
        Element retrieval = received.createElementNS(XmlAlgorithms.DSIG, "ds:RetrievalMethod");
        retrieval.setAttribute("URI", "http://127.0.0.1:9/key");
        keyInfo.insertBefore(retrieval, keyInfo.getFirstChild());

        assertRefused(() -> crypto.decrypt(received, gatewayEnc.privateKey()), ErrorCode.PROFILE_VIOLATION);
    }

    @Test
    void refusesAesCbcContentEncryptionBeforeTouchingTheKey() throws Exception {
        Document document = signed(PLAIN);
        encryptWith(document, XMLCipher.AES_128, "AES", 128, XMLCipher.RSA_OAEP);

        assertRefused(
                () -> crypto.decrypt(reparse(document), gatewayEnc.privateKey()), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void refusesRsaPkcs1KeyTransport() throws Exception {
        Document document = signed(PLAIN);
        encryptWith(document, XMLCipher.AES_256_GCM, "AES", 256, XMLCipher.RSA_v1dot5);

        assertRefused(
                () -> crypto.decrypt(reparse(document), gatewayEnc.privateKey()), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void refusesSha1Digests() throws Exception {
        Document document = SecureXml.parse(PLAIN.getBytes(StandardCharsets.UTF_8));
        signWith(document, XmlAlgorithms.RSA_SHA256, "http://www.w3.org/2000/09/xmldsig#sha1", "");

        assertRefused(() -> crypto.verify(reparse(document)), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void refusesASignatureThatCoversOnlyPartOfTheDocument() throws Exception {
        Document document = SecureXml.parse(PLAIN.getBytes(StandardCharsets.UTF_8));
        Element header = (Element) document.getElementsByTagNameNS(NS, "Header").item(0);
        header.setAttributeNS(null, "Id", "h");
        header.setIdAttributeNS(null, "Id", true);
        signWith(document, XmlAlgorithms.RSA_SHA256, XmlAlgorithms.SHA256, "#h");

        assertRefused(() -> crypto.verify(reparse(document)), ErrorCode.SIGNATURE_SCOPE_INVALID);
    }

    @Test
    void refusesASignatureThatIsNotTheLastChildOfTheRoot() {
        Document document = signed(PLAIN);
        Element root = document.getDocumentElement();
        root.appendChild(document.createElementNS(NS, "Trailer"));

        assertRefused(() -> crypto.verify(document), ErrorCode.PROFILE_VIOLATION);
    }

    @Test
    void refusesASecondSignatureHiddenInTheDocument() {
        Document document = signed(PLAIN);
        Element extra =
                (Element) document.importNode(signed(PLAIN).getDocumentElement().getLastChild(), true);
        body(document).appendChild(extra);

        assertRefused(() -> crypto.verify(document), ErrorCode.PROFILE_VIOLATION);
    }

    private byte[] protect(String xml, KeyTransport transport) {
        Document document = signed(xml);
        crypto.encrypt(document, body(document), gatewayEnc.certificate(), transport);
        return SecureXml.serialize(document);
    }

    private Document signed(String xml) {
        Document document = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        crypto.sign(document, customs);
        return document;
    }

    private void signWith(Document document, String signatureMethod, String digest, String uri) throws Exception {
        XMLSignature signature = new XMLSignature(document, "", signatureMethod, XmlAlgorithms.EXC_C14N);
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(XmlAlgorithms.ENVELOPED);
        transforms.addTransform(XmlAlgorithms.EXC_C14N);
        signature.addDocument(uri, transforms, digest);
        signature.addKeyInfo(customs.certificate());
        signature.sign(customs.privateKey());
    }

    private void encryptWith(Document document, String content, String keyAlgorithm, int bits, String transport)
            throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance(keyAlgorithm);
        generator.init(bits);
        SecretKey key = generator.generateKey();
        XMLCipher keyCipher = XMLCipher.getInstance(transport);
        keyCipher.init(XMLCipher.WRAP_MODE, gatewayEnc.certificate().getPublicKey());
        EncryptedKey encryptedKey = keyCipher.encryptKey(document, key);
        XMLCipher dataCipher = XMLCipher.getInstance(content);
        dataCipher.init(XMLCipher.ENCRYPT_MODE, key);
        KeyInfo keyInfo = new KeyInfo(document);
        keyInfo.add(encryptedKey);
        dataCipher.getEncryptedData().setKeyInfo(keyInfo);
        dataCipher.doFinal(document, body(document), false);
    }

    /** An Exchange element as the document's root, and the empty Body it holds. */
    private static Element exchangeWithBody(Document built) {
        Element root = built.createElementNS(NS, "Exchange");
        built.appendChild(root);
        return (Element) root.appendChild(built.createElementNS(NS, "Body"));
    }

    private static Element body(Document document) {
        return (Element) document.getElementsByTagNameNS(NS, "Body").item(0);
    }

    private static Document reparse(Document document) {
        return reparse(SecureXml.serialize(document));
    }

    private static Document reparse(byte[] bytes) {
        return SecureXml.parse(bytes);
    }
}
