package io.borderlink.gateway.operations;

import io.borderlink.gateway.audit.AuditProgress;
import io.borderlink.gateway.cluster.ClusterView;
import io.borderlink.gateway.delivery.CircuitStatus;
import io.borderlink.gateway.delivery.Circuits;
import io.borderlink.gateway.operations.Backlog.Waiting;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

/**
 * Everything the operator's page shows, from the same sources as health and metrics: recipients with their
 * circuit, last success, last error and backlog; the cluster; the audit chain; the expiry of certificates and
 * CRLs as the trust state measures it (the {@code borderlink.certificate.expiry.days} and
 * {@code borderlink.crl.next.update.seconds} gauges, whichever are registered); and the health components.
 */
@Component
public class OperatorView {

    static final String CERTIFICATE_EXPIRY = "borderlink.certificate.expiry.days";
    static final String CRL_NEXT_UPDATE = "borderlink.crl.next.update.seconds";

    private final Circuits circuits;
    private final Backlog backlog;
    private final ChainReadings chain;
    private final ClusterView cluster;
    private final HealthEndpoint health;
    private final MeterRegistry meters;

    OperatorView(
            Circuits circuits,
            Backlog backlog,
            ChainReadings chain,
            ClusterView cluster,
            HealthEndpoint health,
            MeterRegistry meters) {
        this.circuits = circuits;
        this.backlog = backlog;
        this.chain = chain;
        this.cluster = cluster;
        this.health = health;
        this.meters = meters;
    }

    public List<RecipientRow> recipients() {
        Map<String, CircuitStatus> seen =
                circuits.statuses().stream().collect(Collectors.toMap(CircuitStatus::recipient, Function.identity()));
        List<RecipientRow> rows = new ArrayList<>();
        for (Map.Entry<String, Waiting> entry : backlog.byRecipient().entrySet()) {
            CircuitStatus circuit =
                    seen.getOrDefault(entry.getKey(), new CircuitStatus(entry.getKey(), "CLOSED", null, null, null));
            rows.add(new RecipientRow(circuit, entry.getValue()));
        }
        return rows;
    }

    public ClusterView.Snapshot cluster() {
        return cluster.snapshot();
    }

    public AuditProgress.Snapshot audit() {
        return chain.current();
    }

    /** The overall status, then each component's. */
    public Map<String, String> health() {
        HealthComponent overall = health.health();
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("overall", overall.getStatus().getCode());
        if (overall instanceof CompositeHealth composite) {
            composite
                    .getComponents()
                    .forEach((name, component) ->
                            statuses.put(name, component.getStatus().getCode()));
        }
        return statuses;
    }

    /** Certificates by days left, soonest first; empty while the trust state measures none. */
    public List<Expiry> certificates() {
        return expiries(
                CERTIFICATE_EXPIRY,
                gauge -> gauge.getId().getTag("owner") + " (" + gauge.getId().getTag("kind") + ")",
                1);
    }

    /** CRLs by days to their next update, soonest first. */
    public List<Expiry> crls() {
        return expiries(CRL_NEXT_UPDATE, gauge -> gauge.getId().getTag("issuer"), 86400);
    }

    private List<Expiry> expiries(String name, Function<Gauge, String> label, double perDay) {
        return meters.find(name).gauges().stream()
                .map(gauge -> new Expiry(label.apply(gauge), gauge.value() / perDay))
                .sorted(Comparator.comparingDouble(Expiry::days))
                .toList();
    }

    /** One recipient: its circuit on this node and what waits for it in the outbox and the approval queue. */
    public record RecipientRow(CircuitStatus circuit, Waiting waiting) {}

    /** @param days days left (negative once expired or overdue) */
    public record Expiry(String name, double days) {}
}
