package io.borderlink.gateway.partner;

import jakarta.validation.constraints.AssertTrue;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How shares reach a recipient, partner or agency, and, for a file drop, how what it sends comes in.
 *
 * @param kind {@code HTTP} (the default): the format's HTTP envelope POSTed to the endpoint over mutual TLS;
 *     {@code FILE_DROP}: signed, encrypted files in folders, for a link without an online connection, a
 *     one-way data diode or courier media (docs/air-gap.md)
 * @param export where the gateway writes the recipient's files; the link (diode, courier) carries them on
 * @param importFolder where the recipient's files arrive: its messages, its signed receipt files and its
 *     manifests; watched by one node of the cluster
 * @param receipts whether the link has a way back: the gateway then writes a signed receipt file into the
 *     export folder for every message it imports, which the other side may use as we use theirs
 */
public record Transport(
        @DefaultValue("HTTP") Kind kind,
        Path export,
        @Name("import") Path importFolder,
        @DefaultValue("false") boolean receipts) {

    public enum Kind {
        HTTP,
        FILE_DROP
    }

    /** The default: online, over HTTP. */
    public static Transport http() {
        return new Transport(Kind.HTTP, null, null, false);
    }

    public boolean fileDrop() {
        return kind == Kind.FILE_DROP;
    }

    @AssertTrue(message = "a file drop needs an export and an import folder")
    public boolean isComplete() {
        return kind != Kind.FILE_DROP || (export != null && importFolder != null);
    }
}
