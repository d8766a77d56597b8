package io.borderlink.gateway.pki;

import io.borderlink.crypto.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a CRL from a distribution point named in a certificate, bounded in time and size: a CRL is
 * public and signed by its issuer (the path validation checks that signature), so plain HTTP is what most
 * CAs publish on, and HTTPS works with the JDK's default trust.
 */
class CrlFetcher {

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    CrlFetcher(Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /**
     * The CRLs at {@code uri}, or an exception saying why not. The timeout covers the whole answer, body
     * included: a distribution point that trickles its answer is cut off like one that does not answer.
     */
    List<X509CRL> fetch(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        AtomicReference<InputStream> stream = new AtomicReference<>();
        CompletableFuture<byte[]> body = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(response -> {
                    stream.set(response.body());
                    return read(uri, response);
                });
        try {
            return Certificates.parseCrls(body.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            body.cancel(true);
            // Closing the body ends a read that is still waiting for bytes.
            InputStream open = stream.get();
            if (open != null) {
                open.close();
            }
            throw new IOException(uri + " did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IOException("cannot fetch " + uri + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        } catch (IllegalArgumentException e) {
            throw new IOException(uri + " does not serve a CRL: " + e.getMessage(), e);
        }
    }

    private byte[] read(URI uri, HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(new IOException(uri + " answered HTTP " + response.statusCode()));
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new UncheckedIOException(new IOException(uri + " serves more than " + maxBytes + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
