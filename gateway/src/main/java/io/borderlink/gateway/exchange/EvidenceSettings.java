package io.borderlink.gateway.exchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How evidence is encrypted at rest.
 *
 * @param kek the key store holding the key-encryption keys that wrap each exchange's data key
 * @param rewrapInterval how often the leader looks for data keys still wrapped with an older key-encryption
 *     key after a rotation, and rewraps a batch of them
 * @param rewrapBatch how many data keys one run rewraps at most, each in its own short transaction, so a
 *     rotation of millions of exchanges neither locks the table nor starts over after a restart
 */
@Validated
@ConfigurationProperties("borderlink.evidence")
public record EvidenceSettings(
        @Valid @NotNull Kek kek,
        @DefaultValue("30s") Duration rewrapInterval,
        @DefaultValue("500") @Min(1) int rewrapBatch) {

    /**
     * @param type {@code PKCS12}, or {@code PKCS11} for an HSM (then {@code keystore} is the SunPKCS11
     *     provider configuration file and {@code password} the token PIN)
     * @param password from the environment in production ({@code BORDERLINK_EVIDENCE_KEK_PASSWORD})
     * @param alias the key new data keys are wrapped with; changing it is a rotation, and the older keys
     *     must stay in the store until the rewrap job has moved every data key off them
     */
    public record Kek(
            @DefaultValue("PKCS12") @NotBlank String type,
            @NotNull Path keystore,
            @NotBlank String password,
            @NotBlank String alias) {}
}
