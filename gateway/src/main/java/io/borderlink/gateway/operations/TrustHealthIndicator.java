package io.borderlink.gateway.operations;

import io.borderlink.gateway.trust.TrustHealth;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code trust} component of {@code /actuator/health}: UP, or DEGRADED while a certificate or CRL the
 * gateway relies on is expiring or has expired. A DEGRADED node still answers 200 and stays ready: everything
 * else works, and taking every node out of a load balancer because one partner's CRL is late would stop all
 * traffic.
 */
@Component
class TrustHealthIndicator implements HealthIndicator {

    private final TrustHealth trust;

    TrustHealthIndicator(TrustHealth trust) {
        this.trust = trust;
    }

    @Override
    public Health health() {
        List<String> certificates = trust.certificates().stream()
                .filter(e -> e.status() != TrustHealth.Status.OK)
                .map(e -> e.status() + " " + e.owner() + " " + e.kind() + " " + e.subject() + " not after "
                        + e.notAfter())
                .toList();
        List<String> crls = trust.crls().stream()
                .filter(e -> e.status() != TrustHealth.Status.OK)
                .map(e -> e.status() + " CRL of " + e.issuer() + " (" + e.source() + ") next update " + e.nextUpdate())
                .toList();
        Health.Builder health = certificates.isEmpty() && crls.isEmpty() ? Health.up() : Health.status(Degraded.STATUS);
        return health.withDetail("certificates", certificates)
                .withDetail("crls", crls)
                .build();
    }
}
