package io.borderlink.crypto;

import static io.borderlink.crypto.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.testkit.DevPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Nothing may sit in a signature beyond the profile, and the encrypted part must decrypt to what the profile encrypts. */
class XmlShapesTest {

    private static final String NS = "urn:borderlink:exchange:1";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final QName BODY = new QName(NS, "Body");
    private static final String PLAIN =
            """
            <Exchange xmlns="urn:borderlink:exchange:1"><Header><ExchangeId>e1</ExchangeId></Header>\
            <Markings><Classification>RESTRICTED</Classification></Markings>\
            <Body><Narrative lang="en">A grey truck crossed at Altanbulag.</Narrative></Body></Exchange>""";

    private final XmlCrypto crypto = new XmlCrypto();
    private final SigningKey customs = DevPki.key("mn-customs");
    private final SigningKey gatewayEnc = DevPki.key("gateway-enc");

    @Test
    void acceptsTheProfileShape() {
        Document received = protect("Body", signature -> {});

        crypto.decrypt(received, List.of(gatewayEnc), BODY);

        assertThat(crypto.verify(received)).isEqualTo(customs.certificate());
    }

    @Test
    void refusesAKeyNameInsideKeyInfo() {
        Document received = protect("Body", signature -> {
            Element keyInfo =
                    (Element) signature.getElementsByTagNameNS(DSIG, "KeyInfo").item(0);
            keyInfo.appendChild(signature.getOwnerDocument().createElementNS(DSIG, "ds:KeyName"));
        });
        crypto.decrypt(received, List.of(gatewayEnc), BODY);

        assertRefused(() -> crypto.verify(received), ErrorCode.PROFILE_VIOLATION);
    }

    @Test
    void refusesAnIssuerSerialBesideTheCertificate() {
        Document received = protect("Body", signature -> {
            Element data =
                    (Element) signature.getElementsByTagNameNS(DSIG, "X509Data").item(0);
            data.appendChild(signature.getOwnerDocument().createElementNS(DSIG, "ds:X509IssuerSerial"));
        });
        crypto.decrypt(received, List.of(gatewayEnc), BODY);

        assertRefused(() -> crypto.verify(received), ErrorCode.PROFILE_VIOLATION);
    }

    @Test
    void refusesAnEncryptedPartThatIsNotTheBody() {
        Document received = protect("Markings", signature -> {});

        assertRefused(() -> crypto.decrypt(received, List.of(gatewayEnc), BODY), ErrorCode.PROFILE_VIOLATION);
    }

    private Document protect(String encrypted, Consumer<Element> editSignature) {
        Document document = SecureXml.parse(PLAIN.getBytes(StandardCharsets.UTF_8));
        crypto.sign(document, customs);
        editSignature.accept(
                (Element) document.getElementsByTagNameNS(DSIG, "Signature").item(0));
        Element element =
                (Element) document.getElementsByTagNameNS(NS, encrypted).item(0);
        crypto.encrypt(document, element, gatewayEnc.certificate(), KeyTransport.RSA_OAEP);
        return SecureXml.parse(SecureXml.serialize(document));
    }
}
