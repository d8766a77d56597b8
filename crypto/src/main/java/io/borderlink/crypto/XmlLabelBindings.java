package io.borderlink.crypto;

import static io.borderlink.crypto.XmlAlgorithms.DSIG;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.label.LabelXml;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The detached signature that binds a confidentiality label to the data it labels (ADatP-4778 structure,
 * docs/labels.md), in the algorithms of the document profile; {@link XmlCrypto} is its public face.
 */
final class XmlLabelBindings {

    private XmlLabelBindings() {}

    /**
     * Signs a confidentiality label's binding (ADatP-4778 structure, docs/labels.md): one detached signature,
     * placed first in the {@code BindingInformation}, with one Reference to its MetadataBinding (the label and
     * the DataReference) and one to the bound data by their Ids, so that neither can be changed or swapped
     * without the signature failing. Sign the binding before the whole document.
     */
    static void sign(Element bindingInformation, Element data, SigningKey key) {
        Document document = bindingInformation.getOwnerDocument();
        LabelXml.Bound bound = LabelXml.parts(bindingInformation);
        if (!bound.dataId().equals(data.getAttributeNS(null, LabelXml.ID))) {
            throw new IllegalArgumentException("the binding references #" + bound.dataId() + ", not the data given");
        }
        PublicKey publicKey = key.certificate().getPublicKey();
        document.normalizeDocument();
        registerIds(bound.metadataBinding(), data);
        try {
            XMLSignature signature = new XMLSignature(
                    document,
                    "",
                    XmlCrypto.signatureAlgorithm(publicKey),
                    XmlAlgorithms.EXC_C14N,
                    XmlCrypto.providerFor(publicKey));
            bindingInformation.insertBefore(signature.getElement(), bindingInformation.getFirstChild());
            for (String id : List.of(bound.bindingId(), bound.dataId())) {
                Transforms transforms = new Transforms(document);
                transforms.addTransform(XmlAlgorithms.EXC_C14N);
                signature.addDocument("#" + id, transforms, XmlAlgorithms.SHA256);
            }
            signature.addKeyInfo(key.certificate());
            signature.sign(key.privateKey());
        } catch (XMLSecurityException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "the label binding could not be signed", e);
        }
    }

    /**
     * Verifies a confidentiality label's binding against the data it must bind, and returns who signed it (whose
     * path the caller validates, or compares with the document's signer). Refused with {@code
     * LABEL_BINDING_INVALID}: a binding that is unsigned, that references other data than {@code data}, whose
     * signature covers anything but exactly the MetadataBinding and the data, or whose signature or digests do
     * not match (the label or the data was changed, or swapped, after binding).
     */
    static X509Certificate verify(Element bindingInformation, Element data) {
        LabelXml.Bound bound = LabelXml.parts(bindingInformation);
        if (!bound.dataId().equals(data.getAttributeNS(null, LabelXml.ID))) {
            throw bindingInvalid(
                    "the binding references #" + bound.dataId() + ", not this document's " + data.getLocalName());
        }
        List<Element> signatures = new ArrayList<>();
        for (Node node = bindingInformation.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && DSIG.equals(element.getNamespaceURI())) {
                signatures.add(element);
            }
        }
        if (signatures.size() != 1 || !"Signature".equals(signatures.get(0).getLocalName())) {
            throw bindingInvalid("the binding must carry exactly one signature, found " + signatures.size());
        }
        Element signature = signatures.get(0);
        XmlAlgorithms.check(bindingInformation.getOwnerDocument());
        X509Certificate signer = XmlCrypto.signerCertificate(signature);
        XmlCrypto.requireStrongKey(signer.getPublicKey());
        registerIds(bound.metadataBinding(), data);
        try {
            XMLSignature xmlSignature =
                    new XMLSignature(signature, "", true, XmlCrypto.providerFor(signer.getPublicKey()));
            requireBindingScope(xmlSignature.getSignedInfo(), bound);
            if (!xmlSignature.checkSignatureValue(signer)) {
                throw bindingInvalid("the binding's signature or a digest does not match: the label or the data"
                        + " changed, or was swapped, after binding");
            }
            return signer;
        } catch (XMLSecurityException e) {
            throw new GatewayException(
                    ErrorCode.LABEL_BINDING_INVALID, "the binding cannot be verified: " + e.getMessage(), e);
        }
    }

    /** Whether a signature is a label binding's: a child of a BindingInformation. */
    static boolean isBindingSignature(Element signature) {
        return signature.getParentNode() instanceof Element parent
                && LabelXml.BINDING_NAMESPACE.equals(parent.getNamespaceURI())
                && LabelXml.BINDING.equals(parent.getLocalName());
    }

    private static void requireBindingScope(SignedInfo signedInfo, LabelXml.Bound bound) throws XMLSecurityException {
        List<String> expected = List.of("#" + bound.bindingId(), "#" + bound.dataId());
        List<String> found = new ArrayList<>();
        for (int i = 0; i < signedInfo.getLength(); i++) {
            Reference reference = signedInfo.item(i);
            Transforms transforms = reference.getTransforms();
            if (transforms == null
                    || transforms.getLength() != 1
                    || !XmlAlgorithms.EXC_C14N.equals(transforms.item(0).getURI())) {
                throw bindingInvalid(
                        "each reference of a binding's signature has exactly the exclusive c14n transform");
            }
            found.add(reference.getURI());
        }
        if (!found.equals(expected)) {
            throw bindingInvalid("the binding's signature must cover exactly " + expected + ", it covers " + found);
        }
    }

    /** The Ids the binding's references use, known as ID attributes to the resolver; nothing else is. */
    private static void registerIds(Element... elements) {
        for (Element element : elements) {
            element.setIdAttributeNS(null, LabelXml.ID, true);
        }
    }

    private static GatewayException bindingInvalid(String message) {
        return new GatewayException(ErrorCode.LABEL_BINDING_INVALID, message);
    }
}
