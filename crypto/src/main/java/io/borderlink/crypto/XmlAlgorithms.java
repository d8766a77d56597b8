package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The algorithm allow-list (docs/security.md), applied to every {@code Algorithm} attribute of a document
 * before any key is touched. URIs are attacker-chosen, so anything not listed for its place is refused:
 * merely accepting CBC or RSA 1.5 next to GCM and OAEP would expose the strong ones ("One Bad Apple").
 */
final class XmlAlgorithms {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    static final String DSIG11 = "http://www.w3.org/2009/xmldsig11#";

    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String C14N11 = "http://www.w3.org/2006/12/xml-c14n11";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    static final String ECDH_ES = "http://www.w3.org/2009/xmlenc11#ECDH-ES";
    static final String CONCAT_KDF = "http://www.w3.org/2009/xmlenc11#ConcatKDF";
    static final String KW_AES256 = "http://www.w3.org/2001/04/xmlenc#kw-aes256";
    static final String P256 = "urn:oid:1.2.840.10045.3.1.7";
    static final String P384 = "urn:oid:1.3.132.0.34";

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            RSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1",
            ECDSA_SHA256,
            ECDSA_SHA384,
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
            "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519");
    private static final Set<String> DIGESTS = Set.of(SHA256, SHA384, SHA512);
    private static final Set<String> CANONICALIZATIONS = Set.of(EXC_C14N, C14N11);
    private static final Set<String> TRANSFORMS = Set.of(ENVELOPED, EXC_C14N, C14N11);
    private static final Set<String> CONTENT_ENCRYPTION =
            Set.of(AES256_GCM, "http://www.w3.org/2009/xmlenc11#aes128-gcm");
    private static final Set<String> KEY_TRANSPORT = Set.of(RSA_OAEP, RSA_OAEP_MGF1P);
    /** Ephemeral-static ECDH only, always through a KDF, and only into an AES-256 key wrap. */
    private static final Set<String> KEY_AGREEMENT = Set.of(ECDH_ES);

    private static final Set<String> KEY_DERIVATION = Set.of(CONCAT_KDF);
    private static final Set<String> AGREED_KEY_WRAP = Set.of(KW_AES256);
    /** Named curves only; explicit curve parameters (ECParameters) are refused as a whole. */
    private static final Set<String> CURVES = Set.of(P256, P384);
    /** SHA-1 is allowed only as the OAEP padding digest, where collisions do not matter. */
    private static final Set<String> OAEP_DIGESTS = Set.of(SHA1, SHA256, SHA384, SHA512);

    private static final Set<String> MGF = Set.of(
            "http://www.w3.org/2009/xmlenc11#mgf1sha1",
            MGF1_SHA256,
            "http://www.w3.org/2009/xmlenc11#mgf1sha384",
            "http://www.w3.org/2009/xmlenc11#mgf1sha512");

    private static final Map<String, Set<String>> BY_PLACE = Map.of(
            "SignatureMethod", SIGNATURE_METHODS,
            "CanonicalizationMethod", CANONICALIZATIONS,
            "Transform", TRANSFORMS);

    private XmlAlgorithms() {}

    /** Refuses the document if any algorithm anywhere in it is outside the allow-list for its place. */
    static void check(Document document) {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("Algorithm")) {
                String algorithm = element.getAttribute("Algorithm");
                if (!allowed(element, algorithm)) {
                    throw refused(element.getLocalName() + " algorithm not allowed: " + algorithm);
                }
            }
            if (DSIG11.equals(element.getNamespaceURI())) {
                checkCurve(element);
            }
        }
    }

    private static boolean allowed(Element element, String algorithm) {
        String namespace = String.valueOf(element.getNamespaceURI());
        String name = element.getLocalName();
        if (!Set.of(DSIG, DSIG11, XENC, XENC11).contains(namespace)) {
            return true; // not a security element; the schema decides whether it may appear at all
        }
        if (DSIG.equals(namespace) && BY_PLACE.containsKey(name)) {
            return BY_PLACE.get(name).contains(algorithm);
        }
        if (DSIG.equals(namespace) && "DigestMethod".equals(name)) {
            return isInsideOaep(element) ? OAEP_DIGESTS.contains(algorithm) : DIGESTS.contains(algorithm);
        }
        if (XENC.equals(namespace) && "EncryptionMethod".equals(name)) {
            Element owner = (Element) element.getParentNode();
            if (!"EncryptedKey".equals(owner.getLocalName())) {
                return CONTENT_ENCRYPTION.contains(algorithm);
            }
            return hasAgreementMethod(owner) ? AGREED_KEY_WRAP.contains(algorithm) : KEY_TRANSPORT.contains(algorithm);
        }
        if (XENC.equals(namespace) && "AgreementMethod".equals(name)) {
            return KEY_AGREEMENT.contains(algorithm);
        }
        if (XENC11.equals(namespace) && "KeyDerivationMethod".equals(name)) {
            return KEY_DERIVATION.contains(algorithm);
        }
        if (XENC11.equals(namespace) && "MGF".equals(name)) {
            return MGF.contains(algorithm);
        }
        return false;
    }

    /** The curve of an EC public key in a KeyInfo (the originator's ephemeral key): P-256 or P-384 by name. */
    private static void checkCurve(Element element) {
        if ("ECParameters".equals(element.getLocalName())) {
            throw refused("explicit EC parameters are not allowed; name the curve");
        }
        if ("NamedCurve".equals(element.getLocalName()) && !CURVES.contains(element.getAttribute("URI"))) {
            throw refused("curve not allowed: " + element.getAttribute("URI"));
        }
    }

    /** Whether the EncryptedKey's own KeyInfo agrees the key (AgreementMethod) instead of transporting it. */
    static boolean hasAgreementMethod(Element encryptedKey) {
        Element keyInfo = child(encryptedKey, DSIG, "KeyInfo");
        return keyInfo != null && child(keyInfo, XENC, "AgreementMethod") != null;
    }

    static Element child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && namespace.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static GatewayException refused(String message) {
        return new GatewayException(ErrorCode.ALGORITHM_NOT_ALLOWED, message);
    }

    private static boolean isInsideOaep(Element digestMethod) {
        Element parent = (Element) digestMethod.getParentNode();
        return XENC.equals(parent.getNamespaceURI()) && "EncryptionMethod".equals(parent.getLocalName());
    }
}
