package io.borderlink.gateway.labels;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.xml.Dom;
import io.borderlink.crypto.XmlCrypto;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A confidentiality label bound to an exchange's Body (docs/labels.md), on its way in: the binding must hold
 * and be the document signer's, the label must be one a configured policy defines, and markings the document
 * also carries must agree with it. A document with only a label gets the label's markings.
 */
@Component("labelIntake")
public class LabelIntake {

    private final XmlCrypto crypto;
    private final LabelPolicies policies;

    LabelIntake(XmlCrypto crypto, LabelPolicies policies) {
        this.crypto = crypto;
        this.policies = policies;
    }

    /**
     * For a decrypted exchange document whose signature verified ({@code signer}) and which is schema-valid,
     * once its signed bytes are kept (a label alone makes this write the label's markings into it). Answers the
     * label, or empty for a document without one.
     */
    public Optional<ConfidentialityLabel> apply(Document document, X509Certificate signer) {
        Optional<Element> binding = LabelXml.bindingIn(document);
        if (binding.isEmpty()) {
            return Optional.empty();
        }
        if (!Dom.isNamed(document.getDocumentElement(), ExchangeXml.NAMESPACE, "Exchange")) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "a label can be bound only to an exchange's Body");
        }
        X509Certificate labeller = crypto.verifyBinding(binding.get(), body(document));
        if (!labeller.equals(signer)) {
            throw new GatewayException(
                    ErrorCode.LABEL_BINDING_INVALID,
                    "the label was bound by " + labeller.getSubjectX500Principal() + ", the document signed by "
                            + signer.getSubjectX500Principal());
        }
        ConfidentialityLabel label = label(binding.get());
        LabelTranslation.Translated translated =
                LabelTranslation.markingsOf(policies.current().of(label), label);
        Markings markings = ExchangeXml.markings(document);
        if (markings == null) {
            ExchangeXml.insertMarkings(document, translated.markings());
        } else {
            List<String> differences = LabelTranslation.disagreements(translated, markings);
            if (!differences.isEmpty()) {
                throw new GatewayException(
                        ErrorCode.LABEL_MARKINGS_MISMATCH,
                        "the markings and the bound label (" + label.summary() + ") disagree: "
                                + String.join("; ", differences));
            }
        }
        return Optional.of(label);
    }

    /**
     * An exchange kept as evidence, verified when it arrived: a document with only a label is read with the
     * label's markings under the policy in force now.
     */
    public Exchange read(Document stored) {
        Optional<Element> binding = LabelXml.bindingIn(stored);
        if (binding.isPresent() && ExchangeXml.markings(stored) == null) {
            ConfidentialityLabel label = label(binding.get());
            ExchangeXml.insertMarkings(
                    stored,
                    LabelTranslation.markingsOf(policies.current().of(label), label)
                            .markings());
        }
        return ExchangeXml.read(stored);
    }

    private static ConfidentialityLabel label(Element binding) {
        return LabelXml.read(LabelXml.parts(binding).label());
    }

    private static Element body(Document document) {
        return Dom.child(document.getDocumentElement(), "Body");
    }
}
