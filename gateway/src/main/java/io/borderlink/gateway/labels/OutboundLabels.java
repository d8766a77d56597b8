package io.borderlink.gateway.labels;

import io.borderlink.adapters.format.LabelSlot;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.label.LabelXml;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The translate step for a partner that takes labels (docs/labels.md): the label under its policy that says
 * what the partner view's markings say, bound to the message's payload where the format puts it. The protect
 * step signs the binding ({@code XmlCrypto.signBinding}).
 */
@Component
public class OutboundLabels {

    /** The Id the payload gets for the binding to name; the rendered message has no other. */
    static final String DATA_ID = "payload";

    private static final String BINDING_ID = "label";

    private final LabelPolicies policies;

    OutboundLabels(LabelPolicies policies) {
        this.policies = policies;
    }

    public void bind(Document rendered, LabelSlot slot, String policyId, Markings markings, Instant now) {
        LabelPolicy policy = policies.current()
                .find(policyId)
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.LABEL_POLICY_UNKNOWN, "no label policy " + policyId + " is configured"));
        LabelTranslation.Outbound outbound = LabelTranslation.labelFor(policy, markings, now);
        if (outbound.problem() != null) {
            // The policy denies such a share; this is a policy changed since the share was decided.
            throw new GatewayException(ErrorCode.LABEL_VALUE_UNKNOWN, outbound.problem());
        }
        Element data = slot.data(rendered);
        data.setAttributeNS(null, LabelXml.ID, DATA_ID);
        slot.place(rendered, LabelXml.bind(rendered, outbound.label(), data, BINDING_ID));
    }
}
