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
    /**
     * What retention destroyed of the bundle's exchanges: rule, time and the inventory of digests the PURGED
     * event in the chain pins. Absent from bundles made before retention existed, which read as "nothing".
     */
    static final String PURGES = "purges.json";
    /** The gateway's signing certificate first, then its chain. */
    static final String GATEWAY_CERTIFICATES = "certificates/gateway.pem";
    /** The agencies' intermediate CAs and the certificates that signed the originals. */
    static final String AGENCY_CERTIFICATES = "certificates/agencies.pem";
    /** The certificates (with their chains) that signed recipients' receipts; absent from older bundles. */
    static final String PARTNER_CERTIFICATES = "certificates/partners.pem";
    /** The certificate the gateway checks time-stamps against, when it has a TSA. */
    static final String TSA_CERTIFICATES = "certificates/tsa.pem";

    static final String README = "README.txt";

    private BundleFormat() {}

    /** The bundle's README.txt: what each file is and how to check it, for a reader without the gateway. */
    static String readme(String scope) {
        return """
                Borderlink evidence bundle: %s

                Check it, without the gateway or its database, with the gateway's command-line tool:

                    java -jar borderlink-gateway.jar verify --bundle <this file> --trust <national root CA, PEM> \\
                        --checkpoint-certificate <the gateway's audit checkpoint certificate, PEM>

                manifest.json    what is in the bundle, each file with its SHA-256; manifest.jws is the
                                 gateway's signature over it (compact JWS, payload = manifest.json)
                chain.json       slices of the audit chain, each from one signed checkpoint to the next;
                                 entries of this scope carry their event, the others only their hashes
                checkpoints.json the signed checkpoints (JWS, by the gateway's checkpoint key, whose certificate's
                                 SHA-256 each names) with RFC 3161 time-stamps where there are
                evidence.json    the documents under evidence/, with kind, partner and SHA-256; a
                                 PARTNER_RECEIPT is the recipient's signed receipt, naming the SHA-256 of
                                 the exclusive c14n (XML) or the bytes (JOSE) of what it was SENT
                approvals.json   officers' approvals, each with the statement the gateway signed
                purges.json      what retention destroyed: rule, time and the documents' digests, whose
                                 SHA-256 (of the inventory text) the exchange's PURGED chain entry carries
                certificates/    the gateway's signing chain (then its EC signing certificate, which signs
                                 what EC recipients were sent), the agencies' CAs and signers, the
                                 recipients' receipt signers (partners.pem), the TSA

                entry hash = SHA-256 of: "%s" and then id, occurredAt, node, step, outcome, exchangeId,
                partnerId, code, actor, actorCertificate, digest, detail, each as a 4-byte big-endian length
                and its UTF-8 bytes, null as length FFFFFFFF; chain hash = SHA-256(previous chain hash ||
                entry hash) over the raw 32-byte values, starting from 32 zero bytes.
                """
                .formatted(scope, ChainedEvent.ENCODING);
    }
}
