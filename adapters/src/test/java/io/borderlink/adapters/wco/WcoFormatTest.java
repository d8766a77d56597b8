package io.borderlink.adapters.wco;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.Dom;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class WcoFormatTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");

    private final PartnerFormat format = new WcoFormat(TestIdentity.MONGOLIA);

    @Test
    void isTheWcoXmlOfPartnerFiles() {
        assertThat(format.id()).isEqualTo("WCO_XML");
        assertThat(format.audience()).isEqualTo(PartnerFormat.Audience.PARTNER);
    }

    @Test
    void rendersAnEnforcementMessageAndEncryptsItsReport() {
        Document message = format.render(seizureReport(), MESSAGE_ID, "WCO-RILO", Instant.now())
                .xml();

        assertThat(message.getDocumentElement().getLocalName()).isEqualTo("EnforcementMessage");
        assertThat(new String(SecureXml.serialize(message), UTF_8)).contains("<MessageId>" + MESSAGE_ID);
        assertThat(format.protection().kind()).isEqualTo(Protection.Kind.XML_ELEMENT);
        assertThat(format.protection().elementIn(message).getLocalName()).isEqualTo("Report");
    }

    @Test
    void postsTheProtectedMessageAsItIs() {
        byte[] message = "<EnforcementMessage/>".getBytes(UTF_8);

        assertThat(format.mediaType()).isEqualTo("application/xml");
        assertThat(format.httpEnvelope().contentType()).isEqualTo("application/xml");
        assertThat(format.httpEnvelope().headers()).isEmpty();
        assertThat(format.httpEnvelope().wrap(message)).isEqualTo(message);
    }

    @Test
    void readsWhatTheCustomsNetworkPushesByItsRootAndMessageId() {
        Intake intake = format.intake().orElseThrow();
        Document received = SecureXml.parse(Samples.riskAlertFromWcoRilo());

        assertThat(intake.root()).isEqualTo(new QName("urn:borderlink:partner:wco:1", "EnforcementMessage"));
        assertThat(intake.messageId(received)).isEqualTo("4c9e2a71-d0b8-4f35-a6e2-7b1d9c3f5e08");
        assertThat(intake.translate(received, "WCO-RILO", UUID.randomUUID())
                        .header()
                        .originator())
                .isEqualTo("WCO-RILO");
    }

    @Test
    void refusesAPushedMessageWithoutMessageIdAsSchemaInvalid() {
        Document received = SecureXml.parse(Samples.riskAlertFromWcoRilo());
        Element header = Dom.child(received.getDocumentElement(), "Header");
        header.removeChild(Dom.child(header, "MessageId"));

        assertThatThrownBy(() -> format.intake().orElseThrow().messageId(received))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID))
                .hasMessage("the message has no MessageId");
    }

    /** An empty answer has no receipt; an answer the parser refuses is an invalid receipt, never "none". */
    @Test
    void findsNoReceiptInAnEmptyAnswerAndRefusesAnAnswerThatIsNotXml() {
        ReceiptFormat receipt = format.receipt().orElseThrow();
        byte[] withDoctype = "<!DOCTYPE a [<!ENTITY x 'y'>]><Acknowledgement/>".getBytes(UTF_8);

        assertThat(receipt.find(" \n".getBytes(UTF_8))).isEmpty();
        assertThatThrownBy(() -> receipt.find(withDoctype))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_INVALID))
                .hasMessageStartingWith("the answer is not XML to read");
    }

    private static Exchange seizureReport() {
        return ExchangeXml.read(SecureXml.parse(Samples.seizureReportFromCustoms()));
    }
}
