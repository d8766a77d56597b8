package io.borderlink.adapters.agency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AgencyExchangeFormatTest {

    private static final byte[] PROTECTED =
            "<?xml version=\"1.0\"?><Exchange xmlns=\"urn:borderlink:exchange:1\"/>".getBytes(UTF_8);

    @Test
    void areTheAgencyFormatsOfAgencyFiles() {
        assertThat(AgencyExchangeFormat.rest().id()).isEqualTo("AGENCY_REST");
        assertThat(AgencyExchangeFormat.soap().id()).isEqualTo("AGENCY_SOAP");
        assertThat(AgencyExchangeFormat.rest().audience()).isEqualTo(PartnerFormat.Audience.AGENCY);
        assertThat(AgencyExchangeFormat.soap().audience()).isEqualTo(PartnerFormat.Audience.AGENCY);
    }

    @Test
    void rendersTheCanonicalExchangeAndEncryptsItsBody() {
        Exchange alert = ExchangeXml.read(SecureXml.parse(Samples.vehicleAlertFromBorderPolice()));

        Document rendered = AgencyExchangeFormat.rest()
                .render(alert, UUID.randomUUID(), "MN-CUSTOMS", Instant.now())
                .xml();

        assertThat(ExchangeXml.read(rendered)).isEqualTo(alert);
        Protection protection = AgencyExchangeFormat.rest().protection();
        assertThat(protection.kind()).isEqualTo(Protection.Kind.XML_ELEMENT);
        assertThat(protection.elementIn(rendered).getLocalName()).isEqualTo("Body");
        assertThat(protection.element().getNamespaceURI()).isEqualTo(ExchangeXml.NAMESPACE);
    }

    @Test
    void postsTheExchangeAsXmlOverRest() {
        PartnerFormat rest = AgencyExchangeFormat.rest();

        assertThat(rest.mediaType()).isEqualTo("application/xml");
        assertThat(rest.httpEnvelope().contentType()).isEqualTo("application/xml");
        assertThat(rest.httpEnvelope().headers()).isEmpty();
        assertThat(rest.httpEnvelope().wrap(PROTECTED)).isEqualTo(PROTECTED);
    }

    @Test
    void postsTheExchangeAsAReceiveExchangeRequestOverSoap() {
        PartnerFormat soap = AgencyExchangeFormat.soap();

        assertThat(soap.mediaType()).isEqualTo("application/xml");
        assertThat(soap.httpEnvelope().contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(soap.httpEnvelope().headers())
                .containsEntry("SOAPAction", "\"urn:borderlink:service:agency-inbound:1:ReceiveExchange\"");
        assertThat(new String(soap.httpEnvelope().wrap(PROTECTED), UTF_8))
                .contains("<ReceiveExchangeRequest xmlns=\"urn:borderlink:service:agency-inbound:1\">"
                        + "<Exchange xmlns=\"urn:borderlink:exchange:1\"/></ReceiveExchangeRequest>");
    }

    /** Agencies send to us through their own endpoints, not through the partners' intake. */
    @Test
    void isNeverPushedThroughThePartnersIntake() {
        assertThat(AgencyExchangeFormat.rest().intake()).isEmpty();
        assertThat(AgencyExchangeFormat.soap().intake()).isEmpty();
    }
}
