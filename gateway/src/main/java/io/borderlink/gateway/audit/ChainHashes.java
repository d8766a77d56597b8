package io.borderlink.gateway.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link between entries: {@code chain_n = SHA-256(chain_{n-1} || entry_n)} over the raw 32-byte
 * values, starting from 32 zero bytes. Hex only at the edges, where rows and bundles keep them.
 */
final class ChainHashes {

    static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHashes() {}

    static String chain(String previousChainHash, String entryHash) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousChainHash));
        sha256.update(HEX.parseHex(entryHash));
        return HEX.formatHex(sha256.digest());
    }

    /** Whether a stored hash is well-formed: a malformed one must be reported, not crash the verifier. */
    static boolean wellFormed(String hash) {
        if (hash == null || hash.length() != 64) {
            return false;
        }
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static byte[] sha256(byte[] content) {
        return sha256().digest(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
