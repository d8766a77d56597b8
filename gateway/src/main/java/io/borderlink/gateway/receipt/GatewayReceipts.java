package io.borderlink.gateway.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.exchange.Acceptance;
import io.borderlink.gateway.exchange.Acceptance.Decided;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.submission.VerifiedExchange;
import io.borderlink.routes.outbound.OutboundIntakeRoute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gateway's own signed receipts, the last step of both intake flows: to an agency, the exchange id,
 * the digest of the signed original it verified, when it received it and the decision per recipient (a JWS
 * over REST, a signed {@code AcceptanceReceipt} of xsd/receipt-v1.xsd over SOAP); to a partner pushing to
 * us, the receipt its own format defines, over its message id and the digest of what it sent. A repeated
 * submission gets the same statement again, signed anew.
 */
@Component("gatewayReceipts")
public class GatewayReceipts {

    public static final String NAMESPACE = "urn:borderlink:receipt:1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final XmlCrypto xml;
    private final CertifiedJws jws;
    private final ReceiptSignatures signatures;
    private final Partners partners;
    private final GatewayKeys keys;

    GatewayReceipts(XmlCrypto xml, JoseCrypto jose, ReceiptSignatures signatures, Partners partners, GatewayKeys keys) {
        this.xml = xml;
        this.jws = new CertifiedJws(jose);
        this.signatures = signatures;
        this.partners = partners;
        this.keys = keys;
    }

    public Receipt forAgency(
            @Body Acceptance acceptance, @ExchangeProperty(OutboundIntakeRoute.VERIFIED) VerifiedExchange verified) {
        Receipt receipt = acceptance.receipt();
        List<Decided> decisions = acceptance.decisions();
        // The signature the agency reads, as for what it is sent: an EC agency's receipt by the EC signing key.
        SigningKey signer = keys.signingFor(verified.signer());
        String signed = "SOAP".equals(verified.channel())
                ? new String(signedXml(receipt, verified.signedDigest(), decisions, signer), StandardCharsets.UTF_8)
                : jws.sign(json(receipt, verified.signedDigest(), decisions), signer);
        return receipt.signed(signed);
    }

    /** The receipt of the sender's format, when it defines one; a format without one gets the plain answer. */
    public Receipt forPartner(
            @Body Receipt receipt, @ExchangeProperty(OutboundIntakeRoute.VERIFIED) VerifiedExchange verified) {
        Optional<Partner> partner = partners.current().find(verified.sender());
        Optional<ReceiptFormat> format = partner.flatMap(p -> p.format().receipt());
        Optional<Intake> intake = partner.flatMap(p -> p.format().intake());
        if (format.isEmpty() || intake.isEmpty()) {
            return receipt;
        }
        // A partner's intake is XML: one parse gives both the message id and the digest of what was received.
        Document original = SecureXml.parse(verified.original());
        ReceiptFormat.Claims claims = new ReceiptFormat.Claims(
                intake.get().messageId(original), Digests.sha256OfCanonicalXml(original), receipt.receivedAt());
        byte[] signed = signatures.sign(format.get(), claims, keys.signing());
        return receipt.signed(new String(signed, StandardCharsets.UTF_8));
    }

    private static byte[] json(Receipt receipt, String signedDigest, List<Decided> decisions) {
        ObjectNode statement = JSON.createObjectNode()
                .put("type", "borderlink-acceptance-receipt")
                .put("exchangeId", receipt.exchangeId().toString())
                .put("signedDigest", signedDigest)
                .put("receivedAt", receipt.receivedAt().toString());
        ArrayNode list = statement.putArray("decisions");
        decisions.forEach(d -> list.addObject().put("recipient", d.recipient()).put("decision", d.decision()));
        return statement.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] signedXml(Receipt receipt, String signedDigest, List<Decided> decisions, SigningKey signer) {
        Document document = SecureXml.newDocument();
        Element root = document.createElementNS(NAMESPACE, "AcceptanceReceipt");
        document.appendChild(root);
        append(root, "ExchangeId", receipt.exchangeId().toString());
        append(root, "SignedDigest", signedDigest);
        append(root, "ReceivedAt", receipt.receivedAt().toString());
        for (Decided decided : decisions) {
            append(root, "Decision", decided.decision()).setAttribute("recipient", decided.recipient());
        }
        xml.sign(document, signer);
        return SecureXml.serialize(document);
    }

    private static Element append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        child.setTextContent(text);
        parent.appendChild(child);
        return child;
    }
}
