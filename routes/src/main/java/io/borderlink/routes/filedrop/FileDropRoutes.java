package io.borderlink.routes.filedrop;

import io.borderlink.routes.errors.RouteErrorHandling;
import io.borderlink.routes.inbound.InboundRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The file-drop transport's own flows (docs/air-gap.md); writing a share's file is the outbox's deliver step.
 * Import: look into every import folder → one file at a time: a message is verified and goes to the same
 * accept step as a pushed one, then is recorded and removed; a receipt or manifest is applied. Manifests: a
 * signed manifest of each recipient's latest batch. Both run on the cluster's leader only (Camel's master
 * component), so two nodes never import one folder nor number one batch twice.
 */
@Component
public class FileDropRoutes extends RouteBuilder {

    public static final String IMPORT_FILE = "direct:drop.import-file";
    /** The exchange property holding the file being imported, for the error handler. */
    public static final String FILE = "borderlinkDroppedFile";

    private static final String OPENED = "borderlinkOpenedFile";

    @Override
    public void configure() {
        from("master:file-drop-import:timer:drop.import?delay={{borderlink.file-drop.import-interval}}"
                        + "&period={{borderlink.file-drop.import-interval}}")
                .routeId("drop.import")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .autoStartup("{{borderlink.file-drop.import-enabled}}")
                .to("bean:dropImports?method=pending")
                .split(body())
                .to(IMPORT_FILE)
                .end();

        from(IMPORT_FILE)
                .routeId("drop.import-file")
                .routeConfigurationId(RouteErrorHandling.DROP)
                .setProperty(FILE, body())
                .to("bean:dropImports?method=open")
                .filter(body().isNotNull())
                .setProperty(OPENED, body())
                .setBody(OpenedFile.verifiedDocument())
                .to(InboundRoutes.ACCEPT)
                .setBody(exchangeProperty(OPENED))
                .to("bean:dropImports?method=imported")
                .end();

        from("master:file-drop-manifest:timer:drop.manifest?delay={{borderlink.file-drop.manifest-interval}}"
                        + "&period={{borderlink.file-drop.manifest-interval}}")
                .routeId("drop.manifest")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:dropExports?method=manifests");
    }
}
