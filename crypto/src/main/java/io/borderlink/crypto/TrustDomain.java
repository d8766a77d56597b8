package io.borderlink.crypto;

import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whom a set of certificates may chain to: the agencies' national root, or one partner's own root.
 * Keeping domains apart means a partner CA can never vouch for an agency, nor the other way round.
 */
public record TrustDomain(
        String name, List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {

    public TrustDomain {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("trust domain " + name + " has no trust anchor");
        }
        anchors = List.copyOf(anchors);
        intermediates = List.copyOf(intermediates);
        crls = List.copyOf(crls);
    }

    Set<TrustAnchor> trustAnchors() {
        return anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
    }
}
