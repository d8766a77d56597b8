package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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

    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String C14N11 = "http://www.w3.org/2006/12/xml-c14n11";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            RSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1",
            ECDSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
            "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519");
    private static final Set<String> DIGESTS = Set.of(SHA256, SHA384, SHA512);
    private static final Set<String> CANONICALIZATIONS = Set.of(EXC_C14N, C14N11);
    private static final Set<String> TRANSFORMS = Set.of(ENVELOPED, EXC_C14N, C14N11);
    private static final Set<String> CONTENT_ENCRYPTION =
            Set.of(AES256_GCM, "http://www.w3.org/2009/xmlenc11#aes128-gcm");
    private static final Set<String> KEY_TRANSPORT = Set.of(RSA_OAEP, RSA_OAEP_MGF1P);
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
                    throw new GatewayException(
                            ErrorCode.ALGORITHM_NOT_ALLOWED,
                            element.getLocalName() + " algorithm not allowed: " + algorithm);
                }
            }
        }
    }

    private static boolean allowed(Element element, String algorithm) {
        String namespace = String.valueOf(element.getNamespaceURI());
        String name = element.getLocalName();
        if (!Set.of(DSIG, XENC, XENC11).contains(namespace)) {
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
            return "EncryptedKey".equals(owner.getLocalName())
                    ? KEY_TRANSPORT.contains(algorithm)
                    : CONTENT_ENCRYPTION.contains(algorithm);
        }
        if (XENC11.equals(namespace) && "MGF".equals(name)) {
            return MGF.contains(algorithm);
        }
        return false;
    }

    private static boolean isInsideOaep(Element digestMethod) {
        Element parent = (Element) digestMethod.getParentNode();
        return XENC.equals(parent.getNamespaceURI()) && "EncryptionMethod".equals(parent.getLocalName());
    }
}
