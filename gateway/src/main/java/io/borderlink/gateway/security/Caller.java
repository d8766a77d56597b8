package io.borderlink.gateway.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who is calling: an agency system or a person, with its role and, when it signed in with a client
 * certificate, that certificate's fingerprint (which approvals and audit events record).
 *
 * @param id the agency id ({@code MN-CUSTOMS}) or the person's id ({@code officer-1})
 * @param role AGENCY, PARTNER, OFFICER, AUDITOR or ADMIN
 * @param agency the agency the caller belongs to, if any
 * @param certificate the SHA-256 fingerprint of the client certificate, or null for a form login
 */
public record Caller(String id, String role, String agency, String certificate, String password)
        implements UserDetails {

    public static final String AGENCY = "AGENCY";
    public static final String PARTNER = "PARTNER";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return id;
    }

    @Override
    public String toString() {
        return id + " (" + role + ")";
    }
}
