package io.borderlink.adapters.liaison;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LiaisonFormatTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");

    private final PartnerFormat format = new LiaisonFormat(TestIdentity.MONGOLIA);

    @Test
    void isTheLiaisonSoapOfPartnerFiles() {
        assertThat(format.id()).isEqualTo("LIAISON_SOAP");
        assertThat(format.audience()).isEqualTo(PartnerFormat.Audience.PARTNER);
    }

    @Test
    void rendersALiaisonMessageWithTheMessageIdAndRecipientGiven() {
        Document message = format.render(vehicleAlert(), MESSAGE_ID, "RU-LIAISON", Instant.now())
                .xml();

        assertThat(message.getDocumentElement().getLocalName()).isEqualTo("LiaisonMessage");
        String xml = new String(SecureXml.serialize(message), UTF_8);
        assertThat(xml).contains("<MessageId>" + MESSAGE_ID + "</MessageId>").contains("<To>RU-LIAISON</To>");
    }

    @Test
    void encryptsTheContentElementAndKeepsTheHeaderReadable() {
        Document message = format.render(vehicleAlert(), MESSAGE_ID, "RU-LIAISON", Instant.now())
                .xml();

        assertThat(format.protection().kind()).isEqualTo(Protection.Kind.XML_ELEMENT);
        assertThat(format.protection().elementIn(message).getLocalName()).isEqualTo("Content");
        assertThat(format.protection().element()).isEqualTo(LiaisonTranslator.CONTENT);
    }

    @Test
    void keepsTheProtectedMessageAsXmlAndPostsItAsTheDeliverRequest() {
        byte[] message =
                "<?xml version=\"1.0\"?><LiaisonMessage xmlns=\"urn:borderlink:partner:liaison:1\"/>".getBytes(UTF_8);

        assertThat(format.mediaType()).isEqualTo("application/xml");
        assertThat(format.httpEnvelope().contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(format.httpEnvelope().headers())
                .containsEntry("SOAPAction", "\"urn:borderlink:partner:liaison:service:1:Deliver\"");
        assertThat(new String(format.httpEnvelope().wrap(message), UTF_8))
                .startsWith("<soap:Envelope")
                .contains("<DeliverRequest xmlns=\"urn:borderlink:partner:liaison:service:1\">"
                        + "<LiaisonMessage xmlns=\"urn:borderlink:partner:liaison:1\"/></DeliverRequest>")
                .doesNotContain("<?xml");
    }

    @Test
    void readsWhatALiaisonOfficePushesByItsRootAndMessageId() {
        Intake intake = format.intake().orElseThrow();
        Document received = SecureXml.parse(Samples.vehicleAlertFromRuLiaison());

        assertThat(intake.root()).isEqualTo(new QName("urn:borderlink:partner:liaison:1", "LiaisonMessage"));
        assertThat(intake.messageId(received)).isEqualTo("d7a4c2e9-3b61-4f08-8e5d-1a9c7b3f2e40");
        UUID exchangeId = UUID.randomUUID();
        Exchange exchange = intake.translate(received, "RU-LIAISON", exchangeId);
        assertThat(exchange.header().exchangeId()).isEqualTo(exchangeId);
        assertThat(exchange.header().originator()).isEqualTo("RU-LIAISON");
    }

    private static Exchange vehicleAlert() {
        return ExchangeXml.read(SecureXml.parse(Samples.vehicleAlertFromBorderPolice()));
    }
}
