package io.borderlink.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error status that an endpoint sets without a body (an actuator health group, metric or logger there is
 * not: a bare 404) is made the container's error, so that it is answered as every other refusal is answered
 * ({@link ErrorResponses}): the stable code, problem JSON and an audit event. Anything that writes a body
 * answers for itself, untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodilessRefusals extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bodies watched = new Bodies(response);
        chain.doFilter(request, watched);
        int status = response.getStatus();
        if (status >= 400 && !watched.body && !response.isCommitted() && !request.isAsyncStarted()) {
            response.sendError(status);
        }
    }

    /** Whether anything downstream took the body's stream or writer. */
    private static final class Bodies extends HttpServletResponseWrapper {

        private boolean body;

        Bodies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            body = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            body = true;
            return super.getWriter();
        }
    }
}
