package io.borderlink.gateway.pki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The trust anchors the partner and agency configurations in force name, as those configurations read and
 * checked them: a root replaced on disk is used once a reload has taken it in, not before.
 */
@FunctionalInterface
public interface TrustAnchors {

    /** The anchor a configuration in force read from this file; empty when none names it. */
    Optional<X509Certificate> inForce(Path file);
}
