package io.borderlink.adapters.flow;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies read with a bound. */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * Reads at most one byte more than the limit, so an oversized body never fills memory and still
     * reaches the flow, which refuses it with {@code MESSAGE_TOO_LARGE} and audits the refusal.
     */
    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return body.readNBytes(maxBytes + 1);
        }
    }
}
