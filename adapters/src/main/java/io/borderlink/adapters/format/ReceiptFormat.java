package io.borderlink.adapters.format;

import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * How a format's answer to a delivery carries the receiver's signed receipt, and what a receipt states:
 * the id of the message received and the SHA-256 of the protected message exactly as received (without
 * its HTTP envelope), and when. Partners sign theirs for what the gateway sends them; the gateway signs
 * its own for what partners send to it. The signature itself (XML-DSig under the profile, or a JWS) is
 * made and checked by the gateway's crypto; a format only says where the receipt is and how it reads.
 */
public interface ReceiptFormat {

    /** How the receipt is signed. */
    enum Signature {
        /** A standalone XML document with an enveloped signature, as every signed document of the profile. */
        XML_DSIG,
        /** A compact JWS over a JSON statement. */
        JWS
    }

    /** What a receipt states. */
    record Claims(String messageId, String receivedDigest, Instant receivedAt) {}

    /** The answer a receiver sends back with its signed receipt in it. */
    record Answer(String contentType, byte[] body) {}

    Signature signature();

    /**
     * The signed receipt inside an answer: a standalone XML document for {@link Signature#XML_DSIG}, the
     * compact JWS for {@link Signature#JWS}; empty when the answer carries none.
     */
    Optional<byte[]> find(byte[] answer);

    /**
     * What an {@link Signature#XML_DSIG} receipt says, read from the document its signature was verified on, so
     * that the receipt is parsed once.
     */
    default Claims claims(Document signed) {
        throw new UnsupportedOperationException(signature() + " receipts are not XML documents");
    }

    /** What a {@link Signature#JWS} receipt says, read from its payload once its signature verified. */
    default Claims claims(byte[] payload) {
        throw new UnsupportedOperationException(signature() + " receipts have no JSON payload");
    }

    /** The receipt before it is signed: an XML document to sign enveloped, or the JSON payload of the JWS. */
    byte[] statement(Claims claims);

    /** The receiver's answer around its signed receipt. */
    Answer answer(byte[] signedReceipt, Claims claims);
}
