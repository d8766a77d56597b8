package io.borderlink.gateway.web;

import io.borderlink.contracts.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests a browser makes on its own. A browser presents its client certificate
 * to any page that asks, so a page on another site could approve, resend or export with an officer's
 * identity. A browser says where a request comes from ({@code Origin}, {@code Sec-Fetch-Site}): anything
 * but this gateway's own pages is refused. And the only bodies a page can send cross-site without asking
 * first (a form: url-encoded, multipart, text/plain) are refused on every API, which declares XML or JSON;
 * the console's own forms carry a CSRF token besides.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> BROWSER_FORMS =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final WebRefusals refusals;

    CrossSiteRequestFilter(WebRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            refusals.refuse(request, response, ErrorCode.CROSS_SITE_REFUSED, "a " + site + " request");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            refusals.refuse(request, response, ErrorCode.CROSS_SITE_REFUSED, "a request from another origin");
            return;
        }
        if (!isConsole(request.getRequestURI()) && isBrowserForm(request.getContentType())) {
            refusals.refuse(
                    request,
                    response,
                    ErrorCode.MEDIA_TYPE_UNSUPPORTED,
                    "this API takes XML or JSON, not " + request.getContentType());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getScheme() != null
                    && uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && host != null
                    && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equalsIgnoreCase(host)
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isConsole(String path) {
        return path.equals("/console")
                || path.startsWith("/console/")
                || path.equals("/login")
                || path.equals("/logout");
    }

    private static boolean isBrowserForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return BROWSER_FORMS.contains(type);
    }
}
