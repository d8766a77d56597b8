package io.borderlink.gateway.routes;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.util.URISupport;

/**
 * The {@code bean:name?method=m} steps of every route and route configuration of a Camel context, and
 * which of them name a bean or a method that does not exist. Camel resolves such a step only when a
 * message first reaches it, so a renamed bean would otherwise fail in production, on the first message.
 */
final class BeanSteps {

    private BeanSteps() {}

    /** Every bean step's URI, once each, in a stable order. */
    static List<String> of(CamelContext camel) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        TreeSet<String> uris = new TreeSet<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            collect(route.getOutputs(), uris);
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            configuration.getOnExceptions().forEach(onException -> collect(onException.getOutputs(), uris));
        }
        return List.copyOf(uris);
    }

    /**
     * What is wrong with the bean steps: a bean the lookup does not know, or a method the bean's class
     * does not have as a public method. Empty when every step resolves.
     *
     * @param beans the application's beans by name (the bean's target class when proxied), null if unknown
     */
    static List<String> problems(CamelContext camel, Function<String, Class<?>> beans) throws URISyntaxException {
        List<String> problems = new ArrayList<>();
        for (String uri : of(camel)) {
            String[] parts = uri.substring("bean:".length()).split("\\?", 2);
            String bean = parts[0];
            Object method = parts.length == 2 ? URISupport.parseQuery(parts[1]).get("method") : null;
            Class<?> type = beans.apply(bean);
            if (type == null) {
                problems.add(uri + ": no bean named " + bean);
            } else if (method != null && !hasPublicMethod(type, method.toString())) {
                problems.add(uri + ": " + type.getName() + " has no public method " + method);
            }
        }
        return problems;
    }

    private static boolean hasPublicMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(name::equals);
    }

    private static void collect(List<ProcessorDefinition<?>> outputs, TreeSet<String> uris) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof SendDefinition<?> send && send.getUri().startsWith("bean:")) {
                uris.add(send.getUri());
            }
            collect(output.getOutputs(), uris);
        }
    }
}
