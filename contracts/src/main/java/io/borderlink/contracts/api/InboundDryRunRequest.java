package io.borderlink.contracts.api;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A plaintext exchange as a partner's message would become (the canonical exchange), to decide on for the
 * agencies without storing or sending anything.
 *
 * @param from the partner that would send it: the agencies' inbound rules are per partner
 * @param agencies decide for these agencies; when empty, for every agency that receives partner intelligence
 * @param client the caller's TLS certificate, for the audit trail
 */
public record InboundDryRunRequest(byte[] exchange, String from, List<String> agencies, X509Certificate client) {

    public InboundDryRunRequest {
        agencies = List.copyOf(agencies);
    }
}
