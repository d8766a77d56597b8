package io.borderlink.crypto;

/**
 * How the content key travels to the recipient. Which RSA-OAEP variant a partner gets is a per-partner
 * setting: some partners' stacks (the xmlsec1 C library 1.2.x among them) read only {@link #RSA_OAEP_MGF1P}.
 */
public enum KeyTransport {
    /** {@code xmlenc11#rsa-oaep} with SHA-256 as OAEP digest and MGF1-SHA-256; what we send by default. */
    RSA_OAEP,
    /** {@code xmlenc#rsa-oaep-mgf1p}: OAEP with SHA-1 inside the padding, which is not a collision risk. */
    RSA_OAEP_MGF1P
}
