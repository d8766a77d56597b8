package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.wco.WcoFormat;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.labels.LabelPoliciesFixture;
import io.borderlink.gateway.partner.DeliverySettings;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Receipts;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.DevTrust;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.testkit.DevGateway;
import io.borderlink.testkit.DevPki;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwe;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The protect step picks the gateway's key by the recipient's: an EC certificate gets the EC signature
 * and an agreed key, in JOSE (ES256, ECDH-ES+A256KW) as in XML; an RSA one the RSA key, as before. What it
 * sends in JOSE is read by a second, independent implementation (jjwt) as the partner would read it.
 */
class PartnerMessagesTest {

    private static final XmlCrypto XML = new XmlCrypto();
    private static final JoseCrypto JOSE = new JoseCrypto();
    private static final GatewayKeys KEYS = new GatewayKeys(
            DevPki.key("gateway"),
            DevPki.key("gateway-enc"),
            Optional.of(DevPki.key("gateway-ec")),
            Optional.of(DevPki.key("gateway-enc-ec")),
            Optional.empty(),
            List.of());

    private final PartnerMessages messages =
            new PartnerMessages(XML, JOSE, KEYS, DevTrust.create(), Clock.systemUTC(), LabelPoliciesFixture.outbound());
    private final Exchange missingPerson = ExchangeXml.read(SecureXml.parse(Samples.missingPersonFromBorderPolice()));

    @Test
    void sendsNoticeJsonToAnEcPartnerAsEs256InsideEcdhEs() throws Exception {
        ProtectedMessage sent =
                messages.protect(messages.translate(share(new NoticeFormat(DevGateway.IDENTITY), "kr-liaison")));

        JWEObject jwe = JWEObject.parse(new String(sent.bytes(), StandardCharsets.US_ASCII));
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        String jws = new String(
                JOSE.decrypt(jwe.serialize(), DevPki.key("kr-liaison").privateKey()), StandardCharsets.US_ASCII);
        assertThat(JWSObject.parse(jws).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(new String(JOSE.verify(jws, DevPki.certificate("gateway-ec")), StandardCharsets.UTF_8))
                .contains(missingPerson.header().correlationId().toString());
    }

    @Test
    void sendsNoticeJsonToAnRsaPartnerAsPs256InsideRsaOaep() throws Exception {
        ProtectedMessage sent =
                messages.protect(messages.translate(share(new NoticeFormat(DevGateway.IDENTITY), "interpol-ncb")));

        JWEObject jwe = JWEObject.parse(new String(sent.bytes(), StandardCharsets.US_ASCII));
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        String jws = new String(
                JOSE.decrypt(jwe.serialize(), DevPki.key("interpol-ncb").privateKey()), StandardCharsets.US_ASCII);
        assertThat(JWSObject.parse(jws).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        assertThat(JOSE.verify(jws, DevPki.certificate("gateway"))).isNotEmpty();
    }

    /** The partner's side with another JOSE library: decrypt with its own key, verify with the gateway's. */
    @Test
    void whatANoticePartnerReceivesIsReadByAnIndependentJoseImplementation() {
        for (String partner : new String[] {"interpol-ncb", "kr-liaison"}) {
            ProtectedMessage sent =
                    messages.protect(messages.translate(share(new NoticeFormat(DevGateway.IDENTITY), partner)));

            Jwe<byte[]> jwe = Jwts.parser()
                    .decryptWith(DevPki.key(partner).privateKey())
                    .build()
                    .parseEncryptedContent(new String(sent.bytes(), StandardCharsets.US_ASCII));
            // A notice is a JSON object, which jjwt reads as the JWS's claims.
            Jws<Claims> jws = Jwts.parser()
                    .verifyWith(DevPki.gatewaySigningFor(DevPki.certificate(partner))
                            .getPublicKey())
                    .build()
                    .parseSignedClaims(new String(jwe.getPayload(), StandardCharsets.US_ASCII));

            assertThat(jwe.getHeader().getEncryptionAlgorithm()).isEqualTo("A256GCM");
            assertThat(jws.getPayload().toString())
                    .contains(missingPerson.header().correlationId().toString());
        }
    }

    @Test
    void signsXmlWithTheKeyOfTheRecipientsType() {
        for (String partner : new String[] {"kr-liaison", "ru-liaison"}) {
            ProtectedMessage sent =
                    messages.protect(messages.translate(share(new LiaisonFormat(DevGateway.IDENTITY), partner)));
            Document received = SecureXml.parse(sent.bytes());

            XML.decrypt(received, DevPki.key(partner).privateKey());

            assertThat(XML.verify(received)).isEqualTo(DevPki.gatewaySigningFor(DevPki.certificate(partner)));
            assertThat(XML.verify(SecureXml.parse(sent.signed())))
                    .isEqualTo(DevPki.gatewaySigningFor(DevPki.certificate(partner)));
        }
    }

    /**
     * The digest a receipt must name is taken from the document in memory, not by parsing the bytes back: it
     * is the one those bytes parse to, for every format and both kinds of key (an agreed key's namespaces
     * included).
     */
    @Test
    void expectsOfTheReceiptTheDigestThatTheBytesItSendsParseTo() {
        Exchange seizure = ExchangeXml.read(SecureXml.parse(Samples.seizureReportFromCustoms()));
        for (String partner : new String[] {"kr-liaison", "ru-liaison"}) {
            List<ShareDelivery> shares = List.of(
                    share(new LiaisonFormat(DevGateway.IDENTITY), partner),
                    share(new WcoFormat(DevGateway.IDENTITY), partner, seizure),
                    share(new NoticeFormat(DevGateway.IDENTITY), partner));
            for (ShareDelivery share : shares) {
                ProtectedMessage sent = messages.protect(messages.translate(share));

                assertThat(sent.receiptDigest()).isEqualTo(Digests.ofMessage(sent.bytes()));
            }
        }
    }

    private ShareDelivery share(PartnerFormat format, String partner) {
        return share(format, partner, missingPerson);
    }

    private ShareDelivery share(PartnerFormat format, String partner, Exchange view) {
        Recipient recipient = new Recipient(
                partner.toUpperCase(),
                Direction.OUTBOUND,
                format,
                URI.create("https://127.0.0.1:9/" + partner),
                DevPki.file(partner + ".crt.pem"),
                DevPki.file("ca/" + partner + "-root.crt.pem"),
                KeyTransport.RSA_OAEP,
                new DeliverySettings(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), null),
                Receipts.REQUIRED);
        return new ShareDelivery(
                UUID.randomUUID(), view.header().exchangeId(), recipient, DevPki.certificate(partner), 1, view, "");
    }
}
