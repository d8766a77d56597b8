package io.borderlink.benchmarks;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Protected border-incident exchanges as the border police would submit them: a fresh exchange id and
 * creation time, signed by the agency, Body encrypted to the gateway's encryption certificate (the test
 * kit's {@link AgencyDocuments}, as the tests and tools protect them): RSA-OAEP with the RSA identities,
 * ECDH-ES with the EC ones, whose agency sends the same incident to KR-LIAISON instead of RU-LIAISON. The
 * sample is marked H1 here: as H2, as it is in contracts, the partner's policy would hold every one for a
 * liaison officer. Thread-safe.
 */
final class ExchangeDocuments {

    private final AgencyDocuments agency;
    private final SigningKey signer;
    private final X509Certificate gateway;
    private final Exchange sample;

    ExchangeDocuments(XmlCrypto crypto, KeyType keys) {
        this.agency = new AgencyDocuments(crypto);
        this.signer = keys.agencyKey();
        this.gateway = keys.gatewayEncryptionCertificate();
        this.sample = releasedTo(ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice())), keys);
    }

    /** The next protected document, with a new exchange id (which is also its correlation id). */
    Submission next(Instant createdAt) {
        Exchange exchange = AgencyDocuments.fresh(sample, createdAt);
        return new Submission(
                exchange.header().exchangeId(), agency.protect(exchange, signer, gateway, KeyTransport.RSA_OAEP));
    }

    /** The incident from the keys' agency to their partner, releasable to it (for RSA: the sample as it is). */
    private static Exchange releasedTo(Exchange incident, KeyType keys) {
        Header h = incident.header();
        Markings m = incident.markings();
        return new Exchange(
                new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        h.createdAt(),
                        keys.originator,
                        List.of(keys.partnerId),
                        h.category(),
                        h.purpose(),
                        h.sourceRefs()),
                new Markings(
                        m.classification(),
                        m.tlp(),
                        List.of(keys.country),
                        HandlingCode.H1,
                        null,
                        m.sourceReliability(),
                        m.informationAccuracy(),
                        m.foreignMarking()),
                incident.body());
    }

    /** A protected document ready to submit, and the exchange id inside it. */
    record Submission(UUID exchangeId, byte[] document) {}
}
