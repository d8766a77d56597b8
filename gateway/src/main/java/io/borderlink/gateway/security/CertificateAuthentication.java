package io.borderlink.gateway.security;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.KeyUsages;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.people.People;
import io.borderlink.gateway.pki.Trust;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Maps a TLS client certificate to a registered agency, sending partner or person by the whole
 * certificate (its fingerprint), after validating its path with revocation in that caller's own trust
 * domain; the TLS stack alone checks neither revocation nor registration.
 */
final class CertificateAuthentication implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final Agencies agencies;
    private final Partners partners;
    private final People people;
    private final Trust trust;
    private final boolean peopleOnly;

    /** @param peopleOnly the console: agency and partner systems have no business there */
    CertificateAuthentication(Agencies agencies, Partners partners, People people, Trust trust, boolean peopleOnly) {
        this.agencies = agencies;
        this.partners = partners;
        this.people = people;
        this.trust = trust;
        this.peopleOnly = peopleOnly;
    }

    @Override
    public UserDetails loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        X509Certificate certificate = (X509Certificate) token.getCredentials();
        try {
            KeyUsages.requireTlsClient(certificate);
        } catch (GatewayException e) {
            throw new UsernameNotFoundException(e.code() + ": " + e.getMessage(), e);
        }
        String fingerprint = Certificates.fingerprint(certificate);
        Optional<Caller> agency = peopleOnly
                ? Optional.empty()
                : agencies.current()
                        .byCertificate(certificate)
                        .map(a -> new Caller(a.id(), Caller.AGENCY, a.id(), fingerprint, ""));
        if (agency.isPresent()) {
            validate(certificate, true);
            return agency.get();
        }
        Optional<Partner> partner =
                peopleOnly ? Optional.empty() : partners.current().byCertificate(certificate);
        if (partner.isPresent()) {
            try {
                trust.validateAnchoredAt(partner.get().id(), partner.get().trustAnchor(), certificate);
            } catch (GatewayException e) {
                throw new UsernameNotFoundException(e.code() + ": " + e.getMessage(), e);
            }
            return new Caller(partner.get().id(), Caller.PARTNER, null, fingerprint, "");
        }
        Caller person = people.current()
                .byCertificate(certificate)
                .map(p -> new Caller(p.id(), p.role().name(), p.agency(), fingerprint, ""))
                .orElseThrow(() -> new UsernameNotFoundException(
                        "certificate not registered to an agency, a sending partner or a person"));
        validate(certificate, false);
        return person;
    }

    private void validate(X509Certificate certificate, boolean agency) {
        try {
            if (agency) {
                trust.validateAgency(certificate);
            } else {
                trust.validatePerson(certificate);
            }
        } catch (GatewayException e) {
            throw new UsernameNotFoundException(e.code() + ": " + e.getMessage(), e);
        }
    }
}
