package io.borderlink.adapters.flow;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;

/** The certificate the caller presented in the TLS handshake, as the servlet container reports it. */
public final class ClientCertificates {

    private static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {}

    public static X509Certificate of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return chain[0];
        }
        throw new GatewayException(ErrorCode.ACCESS_DENIED, "a TLS client certificate is required");
    }
}
