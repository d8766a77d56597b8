package io.borderlink.gateway.filedrop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code fileDrop} health component: per file-drop partner or agency, the numbers written for it and
 * listed in a manifest, and the numbers of its files that arrived, are missing or were quarantined. Missing or
 * quarantined files are the link's trouble, not this node's, so the component stays UP and says so in its
 * details (and in the audit trail and on the console's file-drop page) rather than taking the node out of
 * service.
 */
@Component("fileDropHealthIndicator")
class FileDropHealth implements HealthIndicator {

    private final DropSources sources;
    private final DropLedger ledger;

    FileDropHealth(DropSources sources, DropLedger ledger) {
        this.sources = sources;
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean complete = true;
        for (DropSource source : sources.all()) {
            DropStatus.Incoming incoming = ledger.incoming(source.id());
            DropStatus.Outgoing outgoing = ledger.outgoing(source.id());
            complete &= incoming.complete();
            details.put(
                    source.id(),
                    Map.of(
                            "written", outgoing.written(),
                            "listed", outgoing.listed(),
                            "arrived", incoming.arrived(),
                            "missing",
                                    incoming.missing().stream()
                                            .map(DropStatus.Range::toString)
                                            .toList(),
                            "quarantined",
                                    incoming.quarantined().stream()
                                            .map(DropStatus.Quarantined::sequence)
                                            .toList()));
        }
        return Health.up().withDetail("complete", complete).withDetails(details).build();
    }
}
