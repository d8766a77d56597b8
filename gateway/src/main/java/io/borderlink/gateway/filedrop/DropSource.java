package io.borderlink.gateway.filedrop;

import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Transport;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A partner or agency that files are exchanged with (its transport is a file drop): where the gateway writes
 * for it, where its files arrive, and the certificates what it signs must carry.
 *
 * @param partner the partner, for one; null for an agency
 * @param agency the agency, for one; null for a partner
 * @param certificates what its signatures must be made with: the partner's certificate, or one of the agency's, as
 *     the configuration in force read them
 */
public record DropSource(
        String id, Transport transport, Partner partner, Agency agency, List<X509Certificate> certificates) {

    public DropSource {
        certificates = List.copyOf(certificates);
    }

    /** Whether it sends messages to us (a partner with an inbound section) rather than only receipts. */
    public boolean sendsMessages() {
        return partner != null && partner.inbound() != null;
    }

    public Path importFolder() {
        return transport.importFolder();
    }

    public Path exportFolder() {
        return transport.export();
    }
}
