package io.borderlink.gateway.pki;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own keys and whom it trusts.
 *
 * @param signing the key the gateway signs outbound documents with (and its TLS identity)
 * @param encryption the key agencies encrypt exchanges to
 * @param ecSigning optional: an elliptic-curve (P-256 or P-384) key that signs what goes to recipients whose
 *     certificate is EC, for agencies and partners whose stacks verify only ECDSA; without it they get
 *     RSA signatures by {@code signing}
 * @param ecEncryption optional: an elliptic-curve key that senders with an EC-only PKI agree content keys
 *     with (ECDH-ES); intake decrypts with whichever of the two encryption keys a document addresses
 * @param agencies the trust anchors and intermediates agency certificates must chain to
 * @param people the trust anchors and intermediates the certificates of officers, auditors and
 *     administrators must chain to
 * @param crlFolder every {@code *.crl.pem} in it is loaded; revocation checking requires a CRL for
 *     every CA in a path, so a missing CRL makes certificates under that CA unusable
 * @param validationCache how long a successful path validation is remembered
 */
@Validated
@ConfigurationProperties("borderlink.pki")
record PkiSettings(
        @Valid @NotNull KeyStoreSettings signing,
        @Valid @NotNull KeyStoreSettings encryption,
        @Valid KeyStoreSettings ecSigning,
        @Valid KeyStoreSettings ecEncryption,
        @Valid @NotNull TrustSettings agencies,
        @Valid @NotNull TrustSettings people,
        @NotNull Path crlFolder,
        @DefaultValue("5m") Duration validationCache) {

    /**
     * @param password comes from the environment in production ({@code BORDERLINK_PKI_SIGNING_PASSWORD});
     *     the development default exists only for certs-dev key stores
     */
    record KeyStoreSettings(@NotNull Path keystore, @NotBlank String password, @NotBlank String alias) {}

    record TrustSettings(@NotEmpty List<Path> anchors, @DefaultValue List<Path> intermediates) {}
}
