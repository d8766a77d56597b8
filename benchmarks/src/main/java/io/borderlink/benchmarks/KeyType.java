package io.borderlink.benchmarks;

import io.borderlink.crypto.SigningKey;
import io.borderlink.testkit.DevPki;
import java.security.cert.X509Certificate;

/**
 * Which development identities a benchmark plays with: the RSA-2048 ones of the default demo, or the
 * elliptic-curve (P-256) agency, gateway pair and partner of certs-dev. The exchanges are the same either
 * way; only who signs, whom they are for, and so which keys and algorithms the gateway uses, change. Public
 * because JMH's generated code reads it as a {@code @Param}.
 */
public enum KeyType {
    RSA("mn-border", "MN-BORDER", "gateway-enc", "gateway", "ru-liaison", "RU-LIAISON", "RUS"),
    EC("mn-intel", "MN-INTEL", "gateway-enc-ec", "gateway-ec", "kr-liaison", "KR-LIAISON", "KOR");

    /** The certs-dev identity that submits (signs, connects), and its agency id for the header. */
    final String agency;

    final String originator;
    /** The gateway's encryption certificate the agency encrypts to, and the gateway key that signs for the partner. */
    final String gatewayEncryption;

    final String gatewaySigning;
    /** The certs-dev identity of the partner, its id (the addressee) and the code the exchanges are releasable to. */
    final String partner;

    final String partnerId;
    final String country;

    KeyType(
            String agency,
            String originator,
            String gatewayEncryption,
            String gatewaySigning,
            String partner,
            String partnerId,
            String country) {
        this.agency = agency;
        this.originator = originator;
        this.gatewayEncryption = gatewayEncryption;
        this.gatewaySigning = gatewaySigning;
        this.partner = partner;
        this.partnerId = partnerId;
        this.country = country;
    }

    SigningKey agencyKey() {
        return DevPki.key(agency);
    }

    X509Certificate gatewayEncryptionCertificate() {
        return DevPki.certificate(gatewayEncryption);
    }
}
