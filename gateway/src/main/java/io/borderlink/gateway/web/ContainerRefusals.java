package io.borderlink.gateway.web;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/**
 * Tomcat's own refusals, made before any servlet runs (a path with an encoded slash, a backslash or a NUL,
 * a malformed or repeated {@code Content-Length}, headers or a request line over the limit, {@code CONNECT}),
 * are answered here, as the filters answer theirs ({@link WebRefusals}): the stable code, problem JSON (a SOAP
 * fault under /services) and an audit event. It takes the place of the host's {@link ErrorReportValve},
 * whose answer is an HTML page with no code and which audits nothing. So are error statuses an endpoint set
 * without writing a body. Refusals made inside the application have their answer written by then and pass
 * through untouched.
 */
final class ContainerRefusals extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerRefusals.class);

    private final Supplier<WebRefusals> refusals;

    /**
     * Puts the valve in place of the host's error report valve, which Spring Boot adds and the host would add again
     * on start, not finding one of the class it is configured with.
     */
    static void install(TomcatServletWebServerFactory factory, Supplier<WebRefusals> refusals) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ContainerRefusals(refusals));
            ((StandardHost) host).setErrorReportValveClass(ContainerRefusals.class.getName());
        });
    }

    /** The refusals are looked up when first needed: the valve is made with the web server, before the beans. */
    ContainerRefusals(Supplier<WebRefusals> refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void report(Request request, Response response, Throwable cause) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        // An error sent (sendError) is reported once; an error status set without a body (an actuator health
        // group, metric or logger there is not) is answered here too, rather than left a bare status.
        if (response.isError() && !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            refusals.get().refuse(request, response, ErrorResponses.code(status), ErrorResponses.reason(status));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            log.warn("could not answer a request the container refused with {}: {}", status, e.toString());
        }
    }
}
