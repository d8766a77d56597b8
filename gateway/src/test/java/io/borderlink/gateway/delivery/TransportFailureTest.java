package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.delivery.TransportFailure.Cause;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What an operator reads when a delivery attempt fails, for each way the JDK's HTTP client reports a failure. */
class TransportFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The JDK wraps "Connection refused" in a ConnectException without a message of its own. */
    @Test
    void namesARefusedConnection() {
        IOException failure = new ConnectException();
        failure.initCause(new ConnectException("Connection refused"));

        TransportFailure described = TransportFailure.of(failure, TIMEOUT);

        assertThat(described.cause()).isEqualTo(Cause.CONNECTION_REFUSED);
        assertThat(described.description()).isEqualTo("connection refused");
        assertThat(described.code(0)).isEqualTo(ErrorCode.PARTNER_UNAVAILABLE);
    }

    @Test
    void tellsAConnectTimeoutFromAnAnswerTimeout() {
        assertThat(TransportFailure.of(new HttpConnectTimeoutException("HTTP connect timed out"), TIMEOUT))
                .isEqualTo(new TransportFailure(Cause.CONNECT_TIMEOUT, "no connection within PT10S (connect timeout)"));
        assertThat(TransportFailure.of(new HttpTimeoutException("request timed out"), TIMEOUT))
                .isEqualTo(new TransportFailure(Cause.ANSWER_TIMEOUT, "no answer within PT10S (request timeout)"));
    }

    /** A partner whose TLS certificate does not chain to the anchor in its file: the reason, in words. */
    @Test
    void explainsAHandshakeThatFailedOnAnUntrustedCertificate() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(
                new CertPathBuilderException("unable to find valid certification path to requested target"));

        TransportFailure described = TransportFailure.of(new IOException(handshake), TIMEOUT);

        assertThat(described.cause()).isEqualTo(Cause.TLS_HANDSHAKE);
        assertThat(described.description())
                .isEqualTo("TLS handshake failed: the recipient's certificate does not chain to its configured trust"
                        + " anchor (unable to find valid certification path to requested target)");
    }

    @Test
    void explainsAHandshakeThatFailedOnAnExpiredCertificate() {
        SSLHandshakeException handshake = new SSLHandshakeException("expired");
        handshake.initCause(new CertificateExpiredException("NotAfter: Sat Jan 01 00:00:00 UTC 2026"));

        assertThat(TransportFailure.of(handshake, TIMEOUT).description())
                .isEqualTo("TLS handshake failed: the recipient's certificate has expired"
                        + " (NotAfter: Sat Jan 01 00:00:00 UTC 2026)");
    }

    /** The partner rejected our client certificate: it says so with an alert. */
    @Test
    void explainsAHandshakeTheRecipientRefused() {
        assertThat(TransportFailure.of(new SSLHandshakeException("Received fatal alert: bad_certificate"), TIMEOUT)
                        .description())
                .isEqualTo("TLS handshake failed: the recipient refused the handshake (Received fatal alert:"
                        + " bad_certificate), for example our client certificate");
    }

    /** A 5xx is retried, a 4xx is a refusal; either way the first bytes of the answer are kept, one line. */
    @Test
    void keepsTheStatusAndTheStartOfTheAnswer() {
        TransportFailure unavailable =
                TransportFailure.ofStatus(503, "<html>\n  <h1>Service Unavailable</h1>\n</html>".getBytes());

        assertThat(unavailable.description())
                .isEqualTo("answered HTTP 503: <html> <h1>Service Unavailable</h1> </html>");
        assertThat(unavailable.code(503)).isEqualTo(ErrorCode.PARTNER_UNAVAILABLE);
        assertThat(TransportFailure.ofStatus(400, new byte[0]))
                .isEqualTo(new TransportFailure(Cause.HTTP_STATUS, "answered HTTP 400"));
        assertThat(TransportFailure.ofStatus(400, new byte[0]).code(400)).isEqualTo(ErrorCode.PARTNER_REJECTED);
    }

    @Test
    void cutsALongAnswerAndDropsControlCharacters() {
        String answer = "fault\u0000\u0007 " + "x".repeat(500);

        String description = TransportFailure.ofStatus(500, answer.getBytes(StandardCharsets.UTF_8))
                .description();

        assertThat(description).startsWith("answered HTTP 500: fault x").endsWith(" …");
        assertThat(description).hasSizeLessThan(TransportFailure.ANSWER_EXCERPT + 30);
    }
}
