package io.borderlink.gateway.operations;

import io.borderlink.gateway.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code borderlink.intake.latency}: how long an agency or partner waits for its answer once its request has
 * passed access control (receipt to 202, or to its refusal), per sender and outcome, as a histogram.
 * Measured around the request rather than the route, so that reading the body and writing the answer count.
 */
@Component
class IntakeLatency extends OncePerRequestFilter {

    private final MeterRegistry meters;

    IntakeLatency(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.equals("/api/v1/exchanges")
                        || path.equals("/services/exchange")
                        || path.equals("/services/liaison")
                        || path.startsWith("/partners/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            Timer.builder("borderlink.intake.latency")
                    .description("from a submission's receipt to its answer")
                    .tag("sender", sender())
                    .tag("outcome", status >= 200 && status < 300 ? "accepted" : "refused")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The registered agency or partner that passed access control; only those reach the intake at all. */
    private static String sender() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller.id() : "none";
    }
}
