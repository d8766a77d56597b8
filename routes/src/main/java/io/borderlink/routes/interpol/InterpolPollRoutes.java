package io.borderlink.routes.interpol;

import io.borderlink.routes.errors.RouteErrorHandling;
import io.borderlink.routes.inbound.InboundRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Inbound from a feed the gateway fetches itself (INTERPOL notices): sweep the lists → one exchange per
 * new, changed or withdrawn notice → the same accept step as pushed partner messages → remember the
 * version delivered. The timer only checks whether a sweep is due; the interval is the partner's, in its
 * YAML file. Only the cluster's leader of namespace {@code interpol-poll} runs the timer (Camel's master
 * component), so each notice is fetched once however many nodes there are.
 */
@Component
public class InterpolPollRoutes extends RouteBuilder {

    public static final String NOTICE = "direct:interpol.notice";
    /** The exchange property holding the notice being delivered, for the error handler. */
    public static final String POLLED = "borderlinkPolledNotice";

    @Override
    public void configure() {
        from("master:interpol-poll:timer:interpol.poll"
                        + "?delay={{borderlink.poll.check-interval}}&period={{borderlink.poll.check-interval}}")
                .routeId("interpol.poll")
                .routeConfigurationId(RouteErrorHandling.POLL)
                .autoStartup("{{borderlink.poll.enabled}}")
                .to("bean:noticePoller?method=poll")
                .split(body())
                .to(NOTICE)
                .end();

        // A notice that cannot be delivered is audited and left out of the ledger, so the next sweep tries it again.
        from(NOTICE)
                .routeId("interpol.notice")
                .routeConfigurationId(RouteErrorHandling.POLL)
                .setProperty(POLLED, body())
                .to("bean:noticePoller?method=verified")
                .to(InboundRoutes.ACCEPT)
                .setBody(exchangeProperty(POLLED))
                .to("bean:noticePoller?method=accepted");
    }
}
