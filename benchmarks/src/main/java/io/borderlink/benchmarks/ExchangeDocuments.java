package io.borderlink.benchmarks;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;

/**
 * Protected border-incident exchanges as the border police would submit them: a fresh exchange id and
 * creation time, signed by the agency, Body encrypted to the gateway's encryption certificate with
 * RSA-OAEP (the test kit's {@link AgencyDocuments}, as the tests and tools protect them). The sample is marked H1 here: as H2, as it is in
 * contracts, RU-LIAISON's policy would hold every one for a liaison officer. Thread-safe.
 */
final class ExchangeDocuments {

    private final AgencyDocuments agency;
    private final SigningKey signer;
    private final X509Certificate gateway;
    private final Exchange sample;

    ExchangeDocuments(XmlCrypto crypto, SigningKey signer, X509Certificate gateway) {
        this.agency = new AgencyDocuments(crypto);
        this.signer = signer;
        this.gateway = gateway;
        this.sample = releasedToRussia(ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice())));
    }

    /** The next protected document, with a new exchange id (which is also its correlation id). */
    Submission next(Instant createdAt) {
        Exchange exchange = AgencyDocuments.fresh(sample, createdAt);
        return new Submission(
                exchange.header().exchangeId(), agency.protect(exchange, signer, gateway, KeyTransport.RSA_OAEP));
    }

    private static Exchange releasedToRussia(Exchange incident) {
        Markings m = incident.markings();
        return incident.withMarkings(new Markings(
                m.classification(),
                m.tlp(),
                m.releasableTo(),
                HandlingCode.H1,
                null,
                m.sourceReliability(),
                m.informationAccuracy(),
                m.foreignMarking()));
    }

    /** A protected document ready to submit, and the exchange id inside it. */
    record Submission(UUID exchangeId, byte[] document) {}
}
