package io.borderlink.routes.errors;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error policy, declared once per route family and opted into with {@code routeConfigurationId}.
 * Nothing is caught and forgotten: intake and dry-run refusals are audited and go back to the caller; delivery
 * failures are recorded durably with their retry schedule or as a dead letter; feed problems are audited;
 * a scheduled run that fails is logged and simply runs again on the next tick; a file-drop file that fails is
 * quarantined.
 */
@Component
public class RouteErrorHandling extends RouteConfigurationBuilder {

    public static final String INTAKE = "intake";
    public static final String DELIVERY = "delivery";
    public static final String POLL = "poll";
    public static final String SCHEDULED = "scheduled";
    public static final String DROP = "drop";
    public static final String DRY_RUN = "dry-run";

    @Override
    public void configuration() {
        // The caller still gets the exception (not handled): adapters turn its code into a 4xx or a fault. Camel's
        // own ERROR line with the message history and stack trace is left out: a refusal is the caller's mistake,
        // logged and audited once by the bean below; an unexpected failure is logged with its cause by the flows'
        // entry point (Flows), which every intake passes through.
        routeConfiguration(INTAKE)
                .onException(Exception.class)
                .logExhausted(false)
                .useOriginalMessage()
                .to("bean:submissionRejections?method=record");

        // A refused dry run is audited as an answered one is, and the caller gets the refusal.
        routeConfiguration(DRY_RUN)
                .onException(Exception.class)
                .logExhausted(false)
                .useOriginalMessage()
                .to("bean:policyDryRun?method=refused");

        routeConfiguration(DELIVERY).onException(Exception.class).handled(true).to("bean:deliveries?method=failed");

        // A feed problem is audited with its code and the poller goes on; the next sweep tries again.
        routeConfiguration(POLL).onException(Exception.class).handled(true).to("bean:noticePoller?method=failed");

        // A file from an import folder that fails is quarantined with its reason and audited, and the import goes
        // on with the next file; while the database is down it stays where it is for the next look.
        routeConfiguration(DROP).onException(Exception.class).handled(true).to("bean:dropImports?method=quarantine");

        // Timer work (sequencing and anchoring the audit chain, expiring approvals, reloading policies,
        // sweeping the outbox) keeps its state in the database: a failed run is logged with its cause, and
        // the next tick does the work again. The timer never stops on a failure.
        routeConfiguration(SCHEDULED)
                .onException(Exception.class)
                .handled(true)
                .log(
                        LoggingLevel.ERROR,
                        "io.borderlink.routes",
                        "${routeId} failed, the next run tries again: ${exception}");
    }
}
