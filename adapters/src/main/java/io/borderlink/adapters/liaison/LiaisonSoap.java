package io.borderlink.adapters.liaison;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.XmlReceipt;
import io.borderlink.adapters.soap.SoapEnvelope;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;

/**
 * The liaison partners' transport: the protected LiaisonMessage as the {@code Deliver} request of
 * contracts/wsdl/liaison.wsdl (SOAP 1.1, document/literal).
 */
public final class LiaisonSoap {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:partner:liaison:service:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":Deliver";
    public static final String CONTENT_TYPE = SoapEnvelope.CONTENT_TYPE;

    private static final SoapEnvelope ENVELOPE = new SoapEnvelope(SERVICE_NAMESPACE, "DeliverRequest");
    private static final SoapEnvelope RESPONSE = new SoapEnvelope(SERVICE_NAMESPACE, "DeliverResponse");

    /** The signed Receipt a DeliverResponse carries, the offices' for what we deliver and ours for theirs. */
    public static final ReceiptFormat RECEIPT =
            new XmlReceipt(new QName(SERVICE_NAMESPACE, "Receipt"), CONTENT_TYPE, LiaisonSoap::response);

    /** How the liaison format travels to the offices. */
    public static final HttpEnvelope HTTP = HttpEnvelope.soap(ENVELOPE, SOAP_ACTION);

    private LiaisonSoap() {}

    public static byte[] envelope(byte[] protectedMessage) {
        return ENVELOPE.wrap(protectedMessage);
    }

    /** An {@code ACCEPTED} DeliverResponse around the receiver's signed receipt (contracts/xsd/liaison-service-v1.xsd). */
    static byte[] response(byte[] signedReceipt, ReceiptFormat.Claims claims) {
        byte[] fields = ("<MessageId>" + claims.messageId() + "</MessageId><ReceivedAt>" + claims.receivedAt()
                        + "</ReceivedAt><Status>ACCEPTED</Status>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[fields.length + signedReceipt.length];
        System.arraycopy(fields, 0, body, 0, fields.length);
        System.arraycopy(signedReceipt, 0, body, fields.length, signedReceipt.length);
        return RESPONSE.wrap(body);
    }
}
