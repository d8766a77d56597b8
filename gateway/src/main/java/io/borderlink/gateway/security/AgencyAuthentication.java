package io.borderlink.gateway.security;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.crypto.CertificateValidator;
import java.security.cert.X509Certificate;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Maps a TLS client certificate to a registered agency by the whole certificate (its fingerprint), after
 * validating its path with revocation; the TLS stack alone checks neither revocation nor registration.
 */
final class AgencyAuthentication implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final AgencyDirectory agencies;
    private final CertificateValidator agencyCertificates;

    AgencyAuthentication(AgencyDirectory agencies, CertificateValidator agencyCertificates) {
        this.agencies = agencies;
        this.agencyCertificates = agencyCertificates;
    }

    @Override
    public UserDetails loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        X509Certificate certificate = (X509Certificate) token.getCredentials();
        try {
            agencyCertificates.validatePath(certificate);
        } catch (GatewayException e) {
            throw new UsernameNotFoundException(e.code() + ": " + e.getMessage(), e);
        }
        Agency agency = agencies.byCertificate(certificate)
                .orElseThrow(() -> new UsernameNotFoundException("certificate not registered to an agency"));
        return User.withUsername(agency.id()).password("").roles("AGENCY").build();
    }
}
