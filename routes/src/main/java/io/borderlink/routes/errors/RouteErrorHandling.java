package io.borderlink.routes.errors;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error policy, declared once per route family and opted into with {@code routeConfigurationId}.
 * Nothing is caught and forgotten: intake refusals are audited and go back to the caller; delivery
 * failures are recorded durably with their retry schedule or as a dead letter; feed problems are audited.
 */
@Component
public class RouteErrorHandling extends RouteConfigurationBuilder {

    public static final String INTAKE = "intake";
    public static final String DELIVERY = "delivery";
    public static final String POLL = "poll";

    @Override
    public void configuration() {
        // The caller still gets the exception (not handled): adapters turn its code into a 4xx or a fault.
        routeConfiguration(INTAKE)
                .onException(Exception.class)
                .useOriginalMessage()
                .to("bean:submissionRejections?method=record");

        routeConfiguration(DELIVERY).onException(Exception.class).handled(true).to("bean:deliveries?method=failed");

        // A feed problem is audited with its code and the poller goes on; the next sweep tries again.
        routeConfiguration(POLL).onException(Exception.class).handled(true).to("bean:noticePoller?method=failed");
    }
}
