package io.borderlink.gateway.delivery;

import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.share.Lease;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whom a leased share goes to: outbound shares to a partner, inbound ones to an agency's inbound endpoint, with the
 * certificate its file registers, both from the one configuration in force now.
 */
@Component
class Addressees {

    /** A recipient and the certificate its file registers, as the configuration in force read it. */
    record Addressee(Recipient recipient, X509Certificate certificate) {}

    private final Partners partners;
    private final Agencies agencies;

    Addressees(Partners partners, Agencies agencies) {
        this.partners = partners;
        this.agencies = agencies;
    }

    /** Empty when the configuration in force no longer has the recipient. */
    Optional<Addressee> of(Lease lease) {
        if (lease.direction() == Direction.OUTBOUND) {
            PartnerDirectory inForce = partners.current();
            return inForce.find(lease.recipientId())
                    .map(Partner::recipient)
                    .map(to -> new Addressee(
                            to,
                            inForce.certificateFiles()
                                    .certificate(to.certificate())
                                    .orElseThrow()));
        }
        AgencyDirectory inForce = agencies.current();
        return inForce.find(lease.recipientId())
                .flatMap(Agency::recipient)
                .map(to -> new Addressee(
                        to,
                        inForce.certificateFiles().certificate(to.certificate()).orElseThrow()));
    }
}
