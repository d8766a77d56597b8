package io.borderlink.gateway.pki;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own keys and whom it trusts. No path has a default: the development profile names
 * certs-dev/, production its own material (which must not be development material).
 *
 * @param signing the key the gateway signs outbound documents with (and its TLS identity)
 * @param encryption the key agencies encrypt exchanges to
 * @param ecSigning optional: an elliptic-curve (P-256 or P-384) key that signs what goes to recipients whose
 *     certificate is EC, for agencies and partners whose stacks verify only ECDSA; without it they get
 *     RSA signatures by {@code signing}
 * @param ecEncryption optional: an elliptic-curve key that senders with an EC-only PKI agree content keys
 *     with (ECDH-ES); intake decrypts with whichever of the two encryption keys a document addresses
 * @param auditCheckpoint the key that signs the audit trail's checkpoints and nothing else, so that whoever
 *     obtains a key the gateway uses online (TLS, outbound signatures) still cannot sign another history;
 *     required under prod, where it must differ from every other key; without it, elsewhere, {@code signing}
 *     signs checkpoints
 * @param retiredCheckpointCertificates certificates (PEM) of keys that signed this trail's checkpoints before
 *     the current one (a rotated checkpoint key, or {@code signing} before checkpoints had a key of their own):
 *     the gateway's own verification accepts their checkpoints, which each name their signer's fingerprint
 * @param agencies the trust anchors and intermediates agency certificates must chain to
 * @param people the trust anchors and intermediates the certificates of officers, auditors and
 *     administrators must chain to
 * @param crlFolder every {@code *.crl.pem} (or DER {@code *.crl}) in it is loaded, and loaded again when it
 *     changes; revocation checking requires a CRL for every CA in a path, so a missing CRL makes
 *     certificates under that CA unusable
 * @param validationCache how long a successful path validation is remembered; never longer than the
 *     revocation data it was made with, since a refresh that changes it starts afresh
 * @param revocation how revocation data is kept current
 */
@Validated
@ConfigurationProperties("borderlink.pki")
public record PkiSettings(
        @Valid @NotNull KeyStoreSettings signing,
        @Valid @NotNull KeyStoreSettings encryption,
        @Valid KeyStoreSettings ecSigning,
        @Valid KeyStoreSettings ecEncryption,
        @Valid KeyStoreSettings auditCheckpoint,
        @DefaultValue List<Path> retiredCheckpointCertificates,
        @Valid @NotNull TrustSettings agencies,
        @Valid @NotNull TrustSettings people,
        @NotNull Path crlFolder,
        @DefaultValue("5m") Duration validationCache,
        @Valid @DefaultValue RevocationSettings revocation) {

    /**
     * @param password comes from the environment in production ({@code BORDERLINK_PKI_SIGNING_PASSWORD});
     *     the development profile's default exists only for certs-dev key stores
     */
    public record KeyStoreSettings(@NotNull Path keystore, @NotBlank String password, @NotBlank String alias) {}

    public record TrustSettings(@NotEmpty List<Path> anchors, @DefaultValue List<Path> intermediates) {}

    /**
     * @param refreshInterval how often the CRL folder is read again and distribution points fetched again:
     *     the longest a revocation published while the gateway runs takes to refuse the certificate
     * @param distributionPoints the trust domains ({@code agencies}, {@code people}, or a partner's or agency's
     *     id for its TLS server and certificates) whose certificates' CRL distribution points are fetched over
     *     HTTP(S); the others rely on the CRL folder alone
     * @param fetchTimeout how long fetching one CRL may take; a distribution point that does not answer in
     *     time keeps the CRL fetched before, until that one expires
     * @param maxCrlSize the largest CRL accepted from a distribution point, so a hostile one cannot exhaust memory
     * @param crlWarning a CRL whose nextUpdate is closer than this raises a warning (health and metrics), well
     *     before the certificates under it are refused
     * @param certificateWarning the same for the certificates the gateway relies on: its own, and every
     *     registered agency, partner and person certificate and trust anchor
     */
    public record RevocationSettings(
            @DefaultValue("1m") Duration refreshInterval,
            @DefaultValue Set<String> distributionPoints,
            @DefaultValue("10s") Duration fetchTimeout,
            @DefaultValue("1MB") DataSize maxCrlSize,
            @DefaultValue("24h") Duration crlWarning,
            @DefaultValue("30d") Duration certificateWarning) {}
}
