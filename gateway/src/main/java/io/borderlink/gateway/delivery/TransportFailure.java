package io.borderlink.gateway.delivery;

import io.borderlink.contracts.error.ErrorCode;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why one delivery attempt failed, in words an operator can act on: the connection was refused, timed out,
 * the TLS handshake failed (and why), or the recipient answered with an error status (and the first bytes
 * of what it said). The cause is bounded, so it can tag a metric; the description goes into the share's
 * last error and the audit trail.
 */
record TransportFailure(Cause cause, String description) {

    /** How much of a recipient's error answer is kept: enough to read its message, never a whole document. */
    static final int ANSWER_EXCERPT = 200;

    enum Cause {
        CONNECTION_REFUSED,
        CONNECT_TIMEOUT,
        ANSWER_TIMEOUT,
        TLS_HANDSHAKE,
        CONNECTION_LOST,
        UNKNOWN_HOST,
        HTTP_STATUS,
        OTHER
    }

    /** A failure to get any answer at all. */
    static TransportFailure of(Throwable failure, Duration timeout) {
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return new TransportFailure(
                    Cause.CONNECT_TIMEOUT, "no connection within " + timeout + " (connect timeout)");
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return new TransportFailure(Cause.ANSWER_TIMEOUT, "no answer within " + timeout + " (request timeout)");
        }
        SSLHandshakeException handshake = find(failure, SSLHandshakeException.class);
        if (handshake != null) {
            return new TransportFailure(Cause.TLS_HANDSHAKE, "TLS handshake failed: " + handshakeReason(handshake));
        }
        if (find(failure, ConnectException.class) != null) {
            return new TransportFailure(Cause.CONNECTION_REFUSED, "connection refused");
        }
        if (find(failure, UnknownHostException.class) != null) {
            return new TransportFailure(Cause.UNKNOWN_HOST, "unknown host " + rootMessage(failure));
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return new TransportFailure(Cause.CONNECTION_REFUSED, "no route to host");
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return new TransportFailure(Cause.TLS_HANDSHAKE, "TLS failure: " + rootMessage(tls));
        }
        if (find(failure, EOFException.class) != null || find(failure, SocketException.class) != null) {
            return new TransportFailure(Cause.CONNECTION_LOST, "connection lost: " + rootMessage(failure));
        }
        return new TransportFailure(Cause.OTHER, failure.getClass().getSimpleName() + ": " + rootMessage(failure));
    }

    /** An answer with a status that is not 2xx, with the start of its body in printable characters. */
    static TransportFailure ofStatus(int status, byte[] answer) {
        String excerpt = excerpt(answer);
        return new TransportFailure(
                Cause.HTTP_STATUS, "answered HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
    }

    /** Only unavailability is retried; a status that says the message itself is wrong is a refusal. */
    ErrorCode code(int status) {
        return cause == Cause.HTTP_STATUS ? ErrorCode.ofPartnerStatus(status) : ErrorCode.PARTNER_UNAVAILABLE;
    }

    /** The reason a handshake failed, named by what went wrong rather than by the JDK's class names. */
    private static String handshakeReason(SSLHandshakeException handshake) {
        if (find(handshake, CertificateExpiredException.class) != null) {
            return "the recipient's certificate has expired (" + rootMessage(handshake) + ")";
        }
        if (find(handshake, CertificateNotYetValidException.class) != null) {
            return "the recipient's certificate is not valid yet (" + rootMessage(handshake) + ")";
        }
        if (find(handshake, CertPathBuilderException.class) != null
                || find(handshake, CertPathValidatorException.class) != null) {
            return "the recipient's certificate does not chain to its configured trust anchor ("
                    + rootMessage(handshake) + ")";
        }
        String message = String.valueOf(handshake.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("subject alternative")) {
            return "the recipient's certificate does not name the endpoint's host (" + message + ")";
        }
        if (message.startsWith("Received fatal alert")) {
            return "the recipient refused the handshake (" + message + "), for example our client certificate";
        }
        return rootMessage(handshake);
    }

    private static String excerpt(byte[] answer) {
        if (answer == null || answer.length == 0) {
            return "";
        }
        String text = new String(answer, 0, Math.min(answer.length, ANSWER_EXCERPT), StandardCharsets.UTF_8);
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> Character.isISOControl(c) || c == '\uFFFD' ? ' ' : c)
                .forEach(printable::appendCodePoint);
        String collapsed = printable.toString().replaceAll("\\s+", " ").strip();
        return answer.length > ANSWER_EXCERPT ? collapsed + " …" : collapsed;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost message: the JDK's HTTP client wraps the real cause, often without a message of its own. */
    private static String rootMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
