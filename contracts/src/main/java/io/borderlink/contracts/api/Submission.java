package io.borderlink.contracts.api;

import java.security.cert.X509Certificate;

/**
 * A protected exchange as an agency endpoint received it, handed to the outbound flow.
 *
 * @param document the protected document exactly as received (the SOAP adapter passes the exchange
 *     element of the request body, serialized on its own)
 * @param client the certificate the agency presented in the TLS handshake
 * @param channel {@code REST} or {@code SOAP}
 */
public record Submission(byte[] document, X509Certificate client, String channel) {}
