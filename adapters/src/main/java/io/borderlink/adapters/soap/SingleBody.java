package io.borderlink.adapters.soap;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxInEndingInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * After the request element the envelope must end. CXF reads the first Body and leaves the rest of the stream
 * unread, so an envelope with a second Body (or a Header after the Body) was taken by its first: what an
 * intermediary or an audit tool reading the other Body saw was not what the gateway processed. Refused as
 * {@code PROFILE_VIOLATION} before the provider runs, and audited by {@link SoapRefusals}.
 */
public final class SingleBody extends AbstractSoapInterceptor {

    public SingleBody() {
        super(Phase.PRE_INVOKE);
        // Before CXF closes the request's reader and drops it, in the same phase.
        addBefore(StaxInEndingInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null) {
            return;
        }
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT) {
                    throw new Fault(new GatewayException(
                            ErrorCode.PROFILE_VIOLATION,
                            "the envelope goes on after its request (" + reader.getLocalName()
                                    + "): one Body, holding one request, and nothing after it"));
                }
            }
        } catch (XMLStreamException e) {
            throw new Fault(e);
        }
    }
}
