package io.borderlink.testkit;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an agency system does before it submits (contracts/PROFILE.md): give the exchange a fresh id and
 * creation time, sign it, and encrypt its Body to the gateway. Used by the tools' {@code protect}, by the
 * end-to-end and resilience tests and by the load generator, which play the agency.
 */
public final class AgencyDocuments {

    private final XmlCrypto crypto;

    public AgencyDocuments(XmlCrypto crypto) {
        this.crypto = crypto;
    }

    /** The exchange with a new exchange id and correlation id, created now. */
    public static Exchange fresh(Exchange exchange, Instant now) {
        UUID id = UUID.randomUUID();
        return restamped(exchange, id, id, now, exchange.header().originator());
    }

    /** The exchange as another agency sends it: a sample written for one agency, played by another. */
    public static Exchange from(Exchange exchange, String originator) {
        Header header = exchange.header();
        return restamped(exchange, header.exchangeId(), header.correlationId(), header.createdAt(), originator);
    }

    private static Exchange restamped(
            Exchange exchange, UUID id, UUID correlationId, Instant createdAt, String originator) {
        Header header = exchange.header();
        return new Exchange(
                new Header(
                        id,
                        correlationId,
                        createdAt,
                        originator,
                        header.addressees(),
                        header.category(),
                        header.purpose(),
                        header.sourceRefs()),
                exchange.markings(),
                exchange.body());
    }

    public byte[] protect(Exchange exchange, SigningKey signer, X509Certificate gateway, KeyTransport transport) {
        Document document = ExchangeXml.toDocument(exchange);
        Element body = (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Body").item(0);
        crypto.protect(document, body, signer, gateway, transport);
        return SecureXml.serialize(document);
    }
}
