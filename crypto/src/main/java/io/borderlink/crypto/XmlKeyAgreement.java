package io.borderlink.crypto;

import static io.borderlink.crypto.XmlAlgorithms.DSIG;
import static io.borderlink.crypto.XmlAlgorithms.XENC;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.encryption.AgreementMethod;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLCipherUtil;
import org.apache.xml.security.encryption.keys.KeyInfoEnc;
import org.apache.xml.security.encryption.keys.content.AgreementMethodImpl;
import org.apache.xml.security.encryption.params.ConcatKDFParams;
import org.apache.xml.security.encryption.params.KeyAgreementParameters;
import org.apache.xml.security.encryption.params.KeyDerivationParameters;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.utils.KeyUtils;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The content key's way to an elliptic-curve recipient (XML Encryption 1.1, section 5.6): ephemeral-static
 * ECDH ({@code xmlenc11#ECDH-ES}) on the recipient's curve, the shared secret through ConcatKDF with SHA-256
 * into a 256-bit key-encryption key, which wraps the content key ({@code xmlenc#kw-aes256}).
 *
 * <p>Santuario builds and reads the {@code AgreementMethod}; the arithmetic is done here, so that the
 * ephemeral key and the agreement run on Bouncy Castle (its own {@code KeyUtils} would use the JDK's slower
 * ECDH) while the AES key wrap stays on the JDK.
 */
final class XmlKeyAgreement {

    private static final int KEY_ENCRYPTION_KEY_BITS = 256;

    private XmlKeyAgreement() {}

    /**
     * An {@code EncryptedKey} holding the content key for the recipient's certificate, which its
     * {@code RecipientKeyInfo} names so that a recipient with several keys knows which one to use.
     */
    static EncryptedKey wrap(Document document, SecretKey contentKey, X509Certificate recipient, SecureRandom random)
            throws GeneralSecurityException, XMLSecurityException {
        ECPublicKey recipientKey = (ECPublicKey) EllipticCurves.onProvider(recipient.getPublicKey());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", EllipticCurves.PROVIDER);
        generator.initialize(((org.bouncycastle.jce.interfaces.ECKey) recipientKey).getParameters(), random);
        KeyPair ephemeral = generator.generateKeyPair();
        ConcatKDFParams derivation = ConcatKDFParams.createBuilder(KEY_ENCRYPTION_KEY_BITS, XmlAlgorithms.SHA256)
                .build();
        KeyAgreementParameters parameters = new KeyAgreementParameters(
                KeyAgreementParameters.ActorType.ORIGINATOR, XmlAlgorithms.ECDH_ES, derivation);
        parameters.setRecipientPublicKey(recipientKey);
        parameters.setOriginatorKeyPair(ephemeral);

        XMLCipher wrapper = XMLCipher.getInstance(XMLCipher.AES_256_KeyWrap);
        wrapper.init(XMLCipher.WRAP_MODE, keyEncryptionKey(ephemeral.getPrivate(), recipientKey, derivation));
        EncryptedKey encryptedKey = wrapper.encryptKey(document, contentKey);

        AgreementMethodImpl agreement = new AgreementMethodImpl(document, parameters);
        declareNamespacesAsSuch(agreement.getElement());
        X509Data recipientCertificate = new X509Data(document);
        recipientCertificate.addCertificate(recipient);
        agreement.getRecipientKeyInfo().add(recipientCertificate);
        KeyInfoEnc keyInfo = new KeyInfoEnc(document);
        keyInfo.add(agreement);
        encryptedKey.setKeyInfo(keyInfo);
        return encryptedKey;
    }

    /**
     * Santuario 4.0.4 gives the {@code AgreementMethod} and its {@code KeyDerivationMethod} their {@code xmlns:}
     * declarations as attributes outside the XMLNS namespace. A serializer writes them as declarations, but
     * the document in memory canonicalizes with them as ordinary attributes, so a signature or a digest taken
     * of it would not match what the recipient parses. They are made real namespace declarations here.
     */
    private static void declareNamespacesAsSuch(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if ((name.equals("xmlns") || name.startsWith("xmlns:"))
                    && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                element.removeAttributeNode(attribute);
                element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, attribute.getValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                declareNamespacesAsSuch(childElement);
            }
        }
    }

    /** Whether the content key was agreed rather than transported (its KeyInfo holds an AgreementMethod). */
    static boolean isAgreed(EncryptedKey encryptedKey) {
        KeyInfo keyInfo = encryptedKey.getKeyInfo();
        return keyInfo instanceof KeyInfoEnc enc && enc.containsAgreementMethod();
    }

    /**
     * The content key, agreed with the originator's ephemeral key. Throws on anything wrong: a key that is
     * not EC, an ephemeral key on another curve or off the curve (Bouncy Castle validates the point), a
     * failed unwrap; the caller turns every one of them into the same failure.
     */
    static SecretKey unwrap(EncryptedKey encryptedKey, PrivateKey key, String contentAlgorithm)
            throws GeneralSecurityException, XMLSecurityException {
        if (!(key instanceof ECPrivateKey)) {
            throw new GeneralSecurityException("an agreed key needs an EC private key, not " + key.getAlgorithm());
        }
        ECPrivateKey ecKey = (ECPrivateKey) EllipticCurves.onProvider(key);
        AgreementMethod agreement = ((KeyInfoEnc) encryptedKey.getKeyInfo()).itemAgreementMethod(0);
        KeyAgreementParameters parameters = XMLCipherUtil.constructRecipientKeyAgreementParameters(
                encryptedKey.getEncryptionMethod().getAlgorithm(), agreement, ecKey);
        PublicKey originator = parameters.getOriginatorPublicKey();
        if (!(originator instanceof ECPublicKey parsed) || !EllipticCurves.sameCurve(parsed, ecKey)) {
            throw new GeneralSecurityException("the originator's key is not on the recipient's curve");
        }
        PublicKey ephemeral = EllipticCurves.onProvider(originator);
        SecretKey keyEncryptionKey = keyEncryptionKey(ecKey, ephemeral, parameters.getKeyDerivationParameter());
        byte[] wrapped =
                XMLUtils.decode(encryptedKey.getCipherData().getCipherValue().getValue());
        Cipher unwrapper = Cipher.getInstance("AESWrap");
        unwrapper.init(Cipher.UNWRAP_MODE, keyEncryptionKey);
        return (SecretKey)
                unwrapper.unwrap(wrapped, JCEMapper.getJCEKeyAlgorithmFromURI(contentAlgorithm), Cipher.SECRET_KEY);
    }

    private static SecretKey keyEncryptionKey(
            PrivateKey privateKey, PublicKey publicKey, KeyDerivationParameters derivation)
            throws GeneralSecurityException, XMLSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", EllipticCurves.PROVIDER);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        byte[] secret = agreement.generateSecret();
        return new SecretKeySpec(KeyUtils.deriveKeyEncryptionKey(secret, derivation), "AES");
    }

    /**
     * An agreed key's {@code AgreementMethod} is the only one in the document, sits in the EncryptedKey's own
     * KeyInfo, derives its key (no raw shared secret as a key) and takes the originator's key as a bare
     * EC key value: ephemeral-static, never a static originator certificate.
     */
    static void requireShape(Document document, Element encryptedKey) {
        NodeList agreements = document.getElementsByTagNameNS(XENC, "AgreementMethod");
        if (agreements.getLength() == 0) {
            return;
        }
        XmlCrypto.requireProfile(
                agreements.getLength() == 1 && XmlAlgorithms.hasAgreementMethod(encryptedKey),
                "an AgreementMethod may only sit in the KeyInfo of the EncryptedKey");
        Element agreement = (Element) agreements.item(0);
        XmlCrypto.requireProfile(
                XmlAlgorithms.child(agreement, XmlAlgorithms.XENC11, "KeyDerivationMethod") != null,
                "the AgreementMethod must have a KeyDerivationMethod");
        Element originator = XmlAlgorithms.child(agreement, XENC, "OriginatorKeyInfo");
        Element keyValue = originator == null ? null : XmlAlgorithms.child(originator, DSIG, "KeyValue");
        XmlCrypto.requireProfile(
                keyValue != null
                        && childElements(originator) == 1
                        && XmlAlgorithms.child(keyValue, XmlAlgorithms.DSIG11, "ECKeyValue") != null,
                "the OriginatorKeyInfo must hold exactly the ephemeral EC key value");
    }

    private static int childElements(Element parent) {
        int count = 0;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                count++;
            }
        }
        return count;
    }

    /** The key of the list an EncryptedKey addresses; with none of the needed type, the first key. */
    static SigningKey addressed(Document document, List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no decryption key");
        }
        NodeList encryptedKeys = document.getElementsByTagNameNS(XENC, "EncryptedKey");
        boolean agreed =
                encryptedKeys.getLength() > 0 && XmlAlgorithms.hasAgreementMethod((Element) encryptedKeys.item(0));
        List<SigningKey> ofType = keys.stream()
                .filter(k -> EllipticCurves.isEc(k.privateKey()) == agreed)
                .toList();
        if (ofType.isEmpty()) {
            return keys.get(0);
        }
        NodeList named = document.getElementsByTagNameNS(XENC, "RecipientKeyInfo");
        if (agreed && named.getLength() == 1) {
            NodeList certificates = ((Element) named.item(0)).getElementsByTagNameNS(DSIG, "X509Certificate");
            for (int i = 0; i < certificates.getLength(); i++) {
                String text = certificates.item(i).getTextContent();
                for (SigningKey key : ofType) {
                    if (isCertificate(text, key.certificate())) {
                        return key;
                    }
                }
            }
        }
        return ofType.get(0);
    }

    private static boolean isCertificate(String base64, X509Certificate certificate) {
        try {
            return Arrays.equals(Base64.getMimeDecoder().decode(base64), certificate.getEncoded());
        } catch (IllegalArgumentException | CertificateEncodingException e) {
            return false;
        }
    }
}
