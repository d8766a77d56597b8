package io.borderlink.gateway.web;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.submission.SubmissionSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body, on every path, whatever its transfer encoding, before anything parses it.
 * A declared length over the limit is refused unread; a body without one (chunked) is read here up to one
 * byte past the limit, refused if it has that byte, and otherwise handed on from memory. Document paths
 * (intake REST and SOAP, partner pushes, the dry run) take the document limit, everything else a small
 * one. Multipart bodies (forms with files, SOAP attachments, MTOM) are refused: no profile has any.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** A SOAP envelope adds a few hundred bytes around the exchange; this leaves generous room for it. */
    private static final long SOAP_ENVELOPE_ALLOWANCE = 16 * 1024;

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final long documentLimit;
    private final long otherLimit;
    private final WebRefusals refusals;

    RequestBodyLimitFilter(SubmissionSettings submissions, WebLimits limits, WebRefusals refusals) {
        this.documentLimit = submissions.maxDocumentSize().toBytes();
        this.otherLimit = limits.maxOtherBody().toBytes();
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WITHOUT_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            refusals.refuse(
                    request,
                    response,
                    ErrorCode.MEDIA_TYPE_UNSUPPORTED,
                    "multipart bodies and attachments are not accepted");
            return;
        }
        long allowed = limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > allowed) {
            refusals.refuse(
                    request,
                    response,
                    ErrorCode.MESSAGE_TOO_LARGE,
                    "request of " + declared + " bytes exceeds the limit of " + allowed);
            return;
        }
        if (declared >= 0 || isForm(contentType)) {
            // Tomcat reads at most the declared length; forms are bounded by its max-http-form-post-size.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(allowed + 1));
        if (body.length > allowed) {
            refusals.refuse(
                    request,
                    response,
                    ErrorCode.MESSAGE_TOO_LARGE,
                    "chunked request exceeds the limit of " + allowed + " bytes");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private long limitFor(String path) {
        if (path.startsWith("/services/")) {
            return documentLimit + SOAP_ENVELOPE_ALLOWANCE;
        }
        boolean document = path.equals("/api/v1/exchanges")
                || path.equals("/api/v1/policy/dry-run")
                || path.equals("/api/v1/policy/dry-run/inbound")
                || path.startsWith("/partners/");
        return document ? documentLimit : otherLimit;
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The request with its body already read, within the limit. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
