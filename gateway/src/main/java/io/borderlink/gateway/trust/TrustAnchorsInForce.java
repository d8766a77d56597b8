package io.borderlink.gateway.trust;

import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.pki.TrustAnchors;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The roots of the partner files in force, then of the agency files in force. */
@Component
class TrustAnchorsInForce implements TrustAnchors {

    private final Partners partners;
    private final Agencies agencies;

    TrustAnchorsInForce(Partners partners, Agencies agencies) {
        this.partners = partners;
        this.agencies = agencies;
    }

    @Override
    public Optional<X509Certificate> inForce(Path file) {
        return partners.current().certificateFiles().certificate(file).or(() -> agencies.current()
                .certificateFiles()
                .certificate(file));
    }
}
