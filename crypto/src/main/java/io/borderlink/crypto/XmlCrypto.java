package io.borderlink.crypto;

import static io.borderlink.crypto.XmlAlgorithms.DSIG;
import static io.borderlink.crypto.XmlAlgorithms.XENC;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.namespace.QName;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML signatures and encryption for the Borderlink message-protection profile (contracts/PROFILE.md):
 * an enveloped signature over the whole document, then one element encrypted in place with AES-256-GCM
 * and its key transported with RSA-OAEP, or agreed with ECDH-ES when the recipient's key is elliptic-curve
 * ({@link XmlKeyAgreement}). Receivers decrypt, then verify. Santuario stays behind this API.
 */
public final class XmlCrypto {

    private static final Logger log = LoggerFactory.getLogger(XmlCrypto.class);

    static {
        // Plain base64 in CipherValue and SignatureValue: Santuario otherwise wraps it with &#13; line
        // breaks, which are legal but trip some partner stacks. Read once, when Santuario's utilities load.
        System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
    }

    private final SecureRandom random = new SecureRandom();

    public XmlCrypto() {
        org.apache.xml.security.Init.init();
    }

    /**
     * Decrypts the document's single {@code EncryptedData} in place. Every failure, whatever its cause, is
     * the same {@code DECRYPTION_FAILED}: a failed key unwrap continues with a random key, as WSS4J does,
     * so a bad padding and a bad GCM tag cannot be told apart by code, message or timing.
     */
    public void decrypt(Document document, PrivateKey key) {
        Element encryptedData = single(document, XENC, "EncryptedData");
        XmlShapes.requireNoForbiddenParts(document);
        requireProfile(
                (XENC + "Element").equals(encryptedData.getAttribute("Type")),
                "EncryptedData must encrypt an element (Type Element)");
        requireProfile(
                document.getElementsByTagNameNS(XENC, "CipherReference").getLength() == 0,
                "CipherReference is not allowed; the ciphertext travels inside the document");
        Element encryptedKey = single(document, XENC, "EncryptedKey");
        Node keyInfo = encryptedKey.getParentNode();
        requireProfile(
                keyInfo.getParentNode() == encryptedData && DSIG.equals(keyInfo.getNamespaceURI()),
                "EncryptedKey must sit in the KeyInfo of the EncryptedData");
        XmlKeyAgreement.requireShape(document, encryptedKey);
        XmlAlgorithms.check(document);
        byte[] content;
        try {
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.setSecureValidation(true);
            cipher.init(XMLCipher.DECRYPT_MODE, null);
            EncryptedData data = cipher.loadEncryptedData(document, encryptedData);
            String contentAlgorithm = data.getEncryptionMethod().getAlgorithm();
            Key contentKey = unwrapOrRandom(cipher.loadEncryptedKey(document, encryptedKey), key, contentAlgorithm);
            XMLCipher decrypter = XMLCipher.getInstance();
            decrypter.setSecureValidation(true);
            decrypter.init(XMLCipher.DECRYPT_MODE, contentKey);
            content = decrypter.decryptToByteArray(encryptedData);
        } catch (Exception e) {
            log.debug("decryption failed", e);
            throw new GatewayException(ErrorCode.DECRYPTION_FAILED, "decryption failed", e);
        }
        try {
            DecryptedContent.replace(encryptedData, content);
        } catch (XMLEncryptionException e) {
            throw new GatewayException(ErrorCode.DECRYPTION_FAILED, "decryption failed", e);
        }
    }

    /**
     * Decrypts with whichever of the recipient's keys the document addresses: an agreed key (ECDH-ES) with
     * the EC key whose certificate its {@code RecipientKeyInfo} names (else the first EC key), a transported
     * one with the first RSA key. Choosing reads only the document's structure; every failure after it is
     * the same {@code DECRYPTION_FAILED} as with one key.
     */
    public void decrypt(Document document, List<SigningKey> keys) {
        decrypt(document, XmlKeyAgreement.addressed(document, keys).privateKey());
    }

    /**
     * Decrypts as {@link #decrypt(Document, List)} and requires that the {@code EncryptedData} stood for
     * exactly one element named {@code decryptsTo}, the only one of that name in the document: what the
     * profile encrypts, in the place where it encrypts it, and nothing else in its stead.
     */
    public void decrypt(Document document, List<SigningKey> keys, QName decryptsTo) {
        requireProfile(
                document.getElementsByTagNameNS(decryptsTo.getNamespaceURI(), decryptsTo.getLocalPart())
                                .getLength()
                        == 0,
                decryptsTo.getLocalPart() + " may appear only encrypted");
        Element encryptedData = single(document, XENC, "EncryptedData");
        Node parent = encryptedData.getParentNode();
        int position = XmlShapes.children(parent).indexOf(encryptedData);
        int siblings = XmlShapes.children(parent).size();
        decrypt(document, keys);
        List<Element> after = XmlShapes.children(parent);
        requireProfile(
                after.size() == siblings
                        && XmlShapes.named(after.get(position), decryptsTo)
                        && document.getElementsByTagNameNS(decryptsTo.getNamespaceURI(), decryptsTo.getLocalPart())
                                        .getLength()
                                == 1,
                "the EncryptedData must decrypt to exactly one " + decryptsTo.getLocalPart());
    }

    /**
     * Verifies the enveloped signature and returns the signer's certificate (whose path the caller still
     * has to validate). The profile leaves no room for wrapping: exactly one signature, the last child of
     * the root, one reference with {@code URI=""}, so everything but the signature itself is covered.
     */
    public X509Certificate verify(Document document) {
        Element signature = documentSignature(document);
        XmlShapes.requireNoForbiddenParts(document);
        XmlShapes.requireSignature(signature);
        XmlAlgorithms.check(document);
        X509Certificate signer = signerCertificate(signature);
        requireStrongKey(signer.getPublicKey());
        KeyUsages.requireSigning(signer);
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, "", true, providerFor(signer.getPublicKey()));
            requireWholeDocumentScope(xmlSignature.getSignedInfo());
            if (!xmlSignature.checkSignatureValue(providerKey(signer.getPublicKey()))) {
                throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "signature or digest does not match");
            }
            return signer;
        } catch (XMLSecurityException e) {
            throw new GatewayException(
                    ErrorCode.SIGNATURE_INVALID, "signature cannot be verified: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Santuario decodes SignatureValue and DigestValue with java.util.Base64, which throws this (found by
            // fuzzing: AgencyIntakeFuzzTestInputs/.../crash-389c1381…).
            throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "signature value is not base64", e);
        }
    }

    /**
     * Signs a confidentiality label's binding (ADatP-4778 structure, docs/labels.md): {@link XmlLabelBindings#sign}.
     * Sign the binding before the whole document.
     */
    public void signBinding(Element bindingInformation, Element data, SigningKey key) {
        XmlLabelBindings.sign(bindingInformation, data, key);
    }

    /**
     * Verifies a confidentiality label's binding against the data it must bind and returns who signed it, or
     * refuses with {@code LABEL_BINDING_INVALID}: {@link XmlLabelBindings#verify}.
     */
    public X509Certificate verifyBinding(Element bindingInformation, Element data) {
        return XmlLabelBindings.verify(bindingInformation, data);
    }

    /**
     * The sending side of the profile: sign the whole document, then encrypt one element of it in place
     * for the recipient. Signing first means the recipient decrypts, then verifies what was signed.
     *
     * @return the signed document before encryption, serialized: what auditors can verify without the
     *     recipient's key
     */
    public byte[] protect(
            Document document,
            Element toEncrypt,
            SigningKey signer,
            X509Certificate recipient,
            KeyTransport transport) {
        sign(document, signer);
        byte[] signed = SecureXml.serialize(document);
        encrypt(document, toEncrypt, recipient, transport);
        return signed;
    }

    /** Adds an enveloped signature over the whole document as the last child of its root. */
    public void sign(Document document, SigningKey key) {
        PublicKey publicKey = key.certificate().getPublicKey();
        String algorithm = signatureAlgorithm(publicKey);
        // A document built with createElementNS has no xmlns attributes yet, and c14n reads declarations from
        // attributes: without this fix-up the digest here would differ from the receiver's, after parsing.
        document.normalizeDocument();
        try {
            XMLSignature signature =
                    new XMLSignature(document, "", algorithm, XmlAlgorithms.EXC_C14N, providerFor(publicKey));
            document.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(XmlAlgorithms.ENVELOPED);
            transforms.addTransform(XmlAlgorithms.EXC_C14N);
            signature.addDocument("", transforms, XmlAlgorithms.SHA256);
            signature.addKeyInfo(key.certificate());
            signature.sign(
                    EllipticCurves.isEc(publicKey) ? EllipticCurves.onProvider(key.privateKey()) : key.privateKey());
        } catch (XMLSecurityException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "document could not be signed", e);
        }
    }

    /**
     * Encrypts one element in place with a fresh AES-256-GCM key for the recipient's certificate: transported
     * with RSA-OAEP as {@code transport} says to an RSA certificate, agreed with ECDH-ES (ConcatKDF, AES-256
     * key wrap) with an EC one, whatever {@code transport} says.
     */
    public void encrypt(Document document, Element element, X509Certificate recipient, KeyTransport transport) {
        KeyUsages.requireEncryption(recipient);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey contentKey = generator.generateKey();

            EncryptedKey encryptedKey = EllipticCurves.isEc(recipient)
                    ? XmlKeyAgreement.wrap(document, contentKey, recipient, random)
                    : transported(document, contentKey, recipient, transport);

            XMLCipher dataCipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
            dataCipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
            KeyInfo keyInfo = new KeyInfo(document);
            keyInfo.add(encryptedKey);
            dataCipher.getEncryptedData().setKeyInfo(keyInfo);
            dataCipher.doFinal(document, element, false);
        } catch (Exception e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "element could not be encrypted", e);
        }
    }

    private EncryptedKey transported(
            Document document, SecretKey contentKey, X509Certificate recipient, KeyTransport transport)
            throws XMLEncryptionException {
        XMLCipher keyCipher = transport == KeyTransport.RSA_OAEP
                ? XMLCipher.getInstance(XMLCipher.RSA_OAEP_11, null, XmlAlgorithms.SHA256)
                : XMLCipher.getInstance(XMLCipher.RSA_OAEP);
        keyCipher.init(XMLCipher.WRAP_MODE, recipient.getPublicKey());
        return transport == KeyTransport.RSA_OAEP
                ? keyCipher.encryptKey(document, contentKey, XmlAlgorithms.MGF1_SHA256, null, random)
                : keyCipher.encryptKey(document, contentKey, null, null, random);
    }

    private Key unwrapOrRandom(EncryptedKey encryptedKey, PrivateKey key, String contentAlgorithm) {
        try {
            if (XmlKeyAgreement.isAgreed(encryptedKey)) {
                return XmlKeyAgreement.unwrap(encryptedKey, key, contentAlgorithm);
            }
            XMLCipher unwrapper = XMLCipher.getInstance();
            unwrapper.setSecureValidation(true);
            unwrapper.init(XMLCipher.UNWRAP_MODE, key);
            return unwrapper.decryptKey(encryptedKey, contentAlgorithm);
        } catch (XMLSecurityException | GeneralSecurityException | RuntimeException e) {
            log.debug("key unwrap failed; continuing with a random key so the failure surfaces at the tag", e);
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return new SecretKeySpec(bytes, "AES");
        }
    }

    /**
     * The document's own signature: the last child of the root. Any other signature may only be a label
     * binding's (a child of a BindingInformation), which the document's signature covers and {@link
     * #verifyBinding} checks.
     */
    private static Element documentSignature(Document document) {
        Element root = document.getDocumentElement();
        NodeList all = document.getElementsByTagNameNS(DSIG, "Signature");
        Element last = lastChildElement(root);
        boolean lastIsSignature =
                last != null && DSIG.equals(last.getNamespaceURI()) && "Signature".equals(last.getLocalName());
        int others = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element signature = (Element) all.item(i);
            if (signature != last && !XmlLabelBindings.isBindingSignature(signature)) {
                others++;
            }
        }
        requireProfile(lastIsSignature || others > 0, "exactly one Signature is required, found " + all.getLength());
        requireProfile(lastIsSignature, "the signature must be the last child of the root element");
        requireProfile(others == 0, "exactly one Signature is required, found " + (others + 1));
        return last;
    }

    static String signatureAlgorithm(PublicKey key) {
        return key instanceof ECPublicKey ec ? EllipticCurves.xmlSignatureMethod(ec) : XmlAlgorithms.RSA_SHA256;
    }

    private static void requireWholeDocumentScope(SignedInfo signedInfo) throws XMLSecurityException {
        if (signedInfo.getLength() != 1) {
            throw scope("exactly one Reference is required, found " + signedInfo.getLength());
        }
        Reference reference = signedInfo.item(0);
        if (!reference.getElement().hasAttribute("URI") || !reference.getURI().isEmpty()) {
            throw scope("the Reference must have URI=\"\" (the whole document)");
        }
        Transforms transforms = reference.getTransforms();
        if (transforms == null
                || transforms.getLength() != 2
                || !XmlAlgorithms.ENVELOPED.equals(transforms.item(0).getURI())
                || !XmlAlgorithms.EXC_C14N.equals(transforms.item(1).getURI())) {
            throw scope("transforms must be enveloped-signature then exclusive c14n");
        }
    }

    static X509Certificate signerCertificate(Element signature) {
        NodeList certificates = signature.getElementsByTagNameNS(DSIG, "X509Certificate");
        requireProfile(certificates.getLength() == 1, "KeyInfo must carry exactly the signer's X509Certificate");
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(certificates.item(0).getTextContent());
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "X509Certificate is not base64", e);
        }
        try {
            return Certificates.parse(der);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "X509Certificate cannot be parsed", e);
        }
    }

    static void requireStrongKey(PublicKey key) {
        boolean strong;
        if (key instanceof RSAPublicKey rsa) {
            strong = rsa.getModulus().bitLength() >= 2048;
        } else if (key instanceof ECPublicKey ec) {
            strong = ec.getParams().getCurve().getField().getFieldSize() >= 256;
        } else {
            strong = "EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm());
        }
        if (!strong) {
            throw new GatewayException(ErrorCode.ALGORITHM_NOT_ALLOWED, "signer key too weak: " + key.getAlgorithm());
        }
    }

    private static PublicKey providerKey(PublicKey key) {
        return EllipticCurves.isEc(key) ? EllipticCurves.onProvider(key) : key;
    }

    static Provider providerFor(PublicKey key) {
        return EllipticCurves.isEc(key) ? EllipticCurves.PROVIDER : null;
    }

    private static Element single(Document document, String namespace, String name) {
        NodeList found = document.getElementsByTagNameNS(namespace, name);
        requireProfile(found.getLength() == 1, "exactly one " + name + " is required, found " + found.getLength());
        return (Element) found.item(0);
    }

    private static Element lastChildElement(Element parent) {
        for (Node node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    static void requireProfile(boolean condition, String message) {
        if (!condition) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, message);
        }
    }

    private static GatewayException scope(String message) {
        return new GatewayException(ErrorCode.SIGNATURE_SCOPE_INVALID, message);
    }
}
