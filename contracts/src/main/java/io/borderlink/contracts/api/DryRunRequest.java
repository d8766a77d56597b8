package io.borderlink.contracts.api;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A plaintext exchange to decide on without sending anything.
 *
 * @param partners decide for these partners; when empty, for the partners the exchange would go to
 * @param client the caller's TLS certificate, for the audit trail
 */
public record DryRunRequest(byte[] exchange, List<String> partners, X509Certificate client) {

    public DryRunRequest {
        partners = List.copyOf(partners);
    }
}
