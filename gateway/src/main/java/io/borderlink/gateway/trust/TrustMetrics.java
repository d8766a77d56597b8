package io.borderlink.gateway.trust;

import io.borderlink.gateway.trust.TrustHealth.CertificateExpiry;
import io.borderlink.gateway.trust.TrustHealth.CrlExpiry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What {@link TrustHealth} says, as metrics an alert can be written on: days until each certificate the
 * gateway relies on expires ({@code borderlink_certificate_expiry_days{owner,kind,certificate}}), seconds
 * until each CRL's nextUpdate ({@code borderlink_crl_next_update_seconds{issuer,source}}, negative once
 * expired), and how many entries are expiring or expired ({@code borderlink_trust_warnings}). Values are
 * computed when scraped; the set of certificates and CRLs is brought up to date at every trust refresh.
 */
@Component
class TrustMetrics {

    private static final double SECONDS_A_DAY = 86_400;

    private final MultiGauge certificates;
    private final MultiGauge crls;
    private final AtomicInteger warnings = new AtomicInteger();
    private final Clock clock;

    TrustMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.certificates = MultiGauge.builder("borderlink.certificate.expiry.days")
                .description("Days until a certificate the gateway relies on expires (negative: expired)")
                .register(registry);
        this.crls = MultiGauge.builder("borderlink.crl.next.update.seconds")
                .description(
                        "Seconds until a CRL's nextUpdate (negative: expired, the certificates under it are refused)")
                .register(registry);
        Gauge.builder("borderlink.trust.warnings", warnings, AtomicInteger::get)
                .description("Certificates and CRLs inside their warning horizon or expired")
                .register(registry);
    }

    void update(List<CertificateExpiry> certificateExpiries, List<CrlExpiry> crlExpiries) {
        Map<Tags, MultiGauge.Row<?>> certificateRows = new LinkedHashMap<>();
        for (CertificateExpiry expiry : certificateExpiries) {
            Tags tags = Tags.of(
                    "owner",
                    expiry.owner(),
                    "kind",
                    expiry.kind(),
                    "certificate",
                    expiry.fingerprint().substring(0, 16));
            Instant notAfter = expiry.notAfter();
            certificateRows.putIfAbsent(tags, MultiGauge.Row.of(tags, () -> secondsUntil(notAfter) / SECONDS_A_DAY));
        }
        certificates.register(List.copyOf(certificateRows.values()), true);

        Map<Tags, MultiGauge.Row<?>> crlRows = new LinkedHashMap<>();
        for (CrlExpiry expiry : crlExpiries) {
            if (expiry.nextUpdate() != null) {
                Tags tags = Tags.of("issuer", expiry.issuer(), "source", expiry.source());
                Instant next = expiry.nextUpdate();
                crlRows.putIfAbsent(tags, MultiGauge.Row.of(tags, () -> secondsUntil(next)));
            }
        }
        crls.register(List.copyOf(crlRows.values()), true);

        warnings.set((int) (certificateExpiries.stream()
                        .filter(e -> e.status() != TrustHealth.Status.OK)
                        .count()
                + crlExpiries.stream()
                        .filter(e -> e.status() != TrustHealth.Status.OK)
                        .count()));
    }

    private double secondsUntil(Instant end) {
        return Duration.between(clock.instant(), end).toMillis() / 1000.0;
    }
}
