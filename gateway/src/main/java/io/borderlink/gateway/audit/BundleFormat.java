package io.borderlink.gateway.audit;

/**
 * The layout of an evidence bundle (README "Audit trail"), shared by the export and the offline
 * verifier. Every file but the manifest's signature is listed in the manifest with its SHA-256, and
 * the manifest is signed by the gateway, so nothing can be changed, added or left out after export.
 */
final class BundleFormat {

    static final String FORMAT = "borderlink-evidence-bundle-v1";

    static final String MANIFEST = "manifest.json";
    /** A compact JWS whose payload is exactly the bytes of {@link #MANIFEST}. */
    static final String MANIFEST_SIGNATURE = "manifest.jws";

    /** The chain slices: segments from one checkpoint (or the start) to a later one. */
    static final String CHAIN = "chain.json";

    static final String CHECKPOINTS = "checkpoints.json";
    /** The index of the documents under {@code evidence/}: exchange, kind, partner, digest, media type. */
    static final String EVIDENCE = "evidence.json";

    static final String APPROVALS = "approvals.json";
    /** The gateway's signing certificate first, then its chain. */
    static final String GATEWAY_CERTIFICATES = "certificates/gateway.pem";
    /** The agencies' intermediate CAs and the certificates that signed the originals. */
    static final String AGENCY_CERTIFICATES = "certificates/agencies.pem";
    /** The certificate the gateway checks time-stamps against, when it has a TSA. */
    static final String TSA_CERTIFICATES = "certificates/tsa.pem";

    static final String README = "README.txt";

    private BundleFormat() {}
}
