package io.borderlink.adapters.filedrop;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the files a file drop carries (docs/air-gap.md): each message and receipt has the next number
 * of the sequence its writer keeps for the recipient ({@code 0000000042-message.xml}, {@code
 * 0000000043-receipt.xml}); a manifest names the range it covers ({@code manifest-0000000040-0000000043.xml}).
 * Files being written start with a dot and are never read.
 */
public final class DropNames {

    private static final Pattern NUMBERED = Pattern.compile("(\\d{10})-(message|receipt)\\.(xml|jose)");
    private static final Pattern MANIFEST = Pattern.compile("manifest-(\\d{10})-(\\d{10})\\.xml");

    private DropNames() {}

    public enum Kind {
        MESSAGE,
        RECEIPT,
        MANIFEST
    }

    /**
     * A file name taken apart.
     *
     * @param first the file's sequence number; for a manifest the first it covers
     * @param last the same as {@code first}, except for a manifest
     */
    public record Parsed(Kind kind, long first, long last) {}

    /** @param extension {@code xml} for an XML message, {@code jose} for a compact JWE */
    public static String message(long sequence, String extension) {
        return String.format(Locale.ROOT, "%010d-message.%s", sequence, extension);
    }

    public static String receipt(long sequence) {
        return String.format(Locale.ROOT, "%010d-receipt.xml", sequence);
    }

    public static String manifest(long first, long last) {
        return String.format(Locale.ROOT, "manifest-%010d-%010d.xml", first, last);
    }

    /** What a name says, or empty for a name the transport never writes. */
    public static Optional<Parsed> parse(String name) {
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            long sequence = Long.parseLong(numbered.group(1));
            Kind kind = "message".equals(numbered.group(2)) ? Kind.MESSAGE : Kind.RECEIPT;
            boolean wellFormed = sequence > 0 && (kind == Kind.MESSAGE || "xml".equals(numbered.group(3)));
            return wellFormed ? Optional.of(new Parsed(kind, sequence, sequence)) : Optional.empty();
        }
        Matcher manifest = MANIFEST.matcher(name);
        if (manifest.matches()) {
            long first = Long.parseLong(manifest.group(1));
            long last = Long.parseLong(manifest.group(2));
            return first > 0 && first <= last ? Optional.of(new Parsed(Kind.MANIFEST, first, last)) : Optional.empty();
        }
        return Optional.empty();
    }
}
