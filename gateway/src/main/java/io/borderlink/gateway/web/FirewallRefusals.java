package io.borderlink.gateway.web;

import io.borderlink.contracts.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security's firewall rejects (a method outside HTTP's usual ones such as {@code TRACE}, a path
 * with a control character, an encoded dot or a double slash) is refused as the filters refuse
 * ({@link WebRefusals}), at once. Left to the default, it was sent to the error page, where the firewall
 * rejected a {@code TRACE} again and the answer went out empty and unaudited.
 */
@Component
class FirewallRefusals implements RequestRejectedHandler {

    /** The methods the firewall lets through (StrictHttpFirewall's default). */
    private static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final WebRefusals refusals;

    FirewallRefusals(WebRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (METHODS.contains(request.getMethod())) {
            refusals.refuse(request, response, ErrorCode.REQUEST_INVALID, "the request's path or headers are refused");
        } else {
            refusals.refuse(request, response, ErrorCode.METHOD_NOT_ALLOWED, "the method is not accepted");
        }
    }
}
