package io.borderlink.gateway.logging;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Carries the {@link LogContext} with the Camel exchange. Around every processor of every route: the
 * exchange's context (an exchange property) and the route's id as the step go into the MDC; what the
 * processor added is written back to the exchange; the thread's own context is restored. The property is
 * copied with the exchange, so the context survives the hand-off to the delivery workers ({@code seda:})
 * and the split into shares; a thread never keeps an exchange's context after it.
 */
@Component
class LogContextPropagation implements InterceptStrategy {

    static final String PROPERTY = "borderlinkLogContext";

    @Override
    public Processor wrapProcessorInInterceptors(
            CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        RouteDefinition route = ProcessorDefinitionHelper.getRoute(definition);
        String step = route == null ? null : route.getRouteId();
        return new WithLogContext(target, step);
    }

    private static final class WithLogContext extends DelegateAsyncProcessor {

        private final String step;

        WithLogContext(Processor processor, String step) {
            super(processor);
            this.step = step;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            Map<String, String> thread = LogContext.current();
            Map<String, String> entered = carried(exchange);
            // The step travels too: an error handler's processors belong to no route and keep the failed step.
            if (step != null && !step.equals(entered.get(LogContext.STEP))) {
                Map<String, String> stepped = new HashMap<>(entered);
                stepped.put(LogContext.STEP, step);
                entered = Map.copyOf(stepped);
                exchange.setProperty(PROPERTY, entered);
            }
            LogContext.replace(entered);
            Map<String, String> before = entered;
            try {
                // Kept before the route goes on: the next processor may run within this callback.
                return processor.process(exchange, doneSync -> {
                    keep(exchange, before);
                    callback.done(doneSync);
                });
            } finally {
                LogContext.replace(thread);
            }
        }

        /** Writes what the processor put into the context onto the exchange, as a new map (copies share it). */
        private static void keep(Exchange exchange, Map<String, String> entered) {
            Map<String, String> now = LogContext.current();
            if (now.equals(entered)) {
                return;
            }
            Map<String, String> carried = new HashMap<>(carried(exchange));
            for (String key : LogContext.KEYS) {
                if (!Objects.equals(now.get(key), entered.get(key))) {
                    if (now.get(key) == null) {
                        carried.remove(key);
                    } else {
                        carried.put(key, now.get(key));
                    }
                }
            }
            exchange.setProperty(PROPERTY, Map.copyOf(carried));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> carried(Exchange exchange) {
            Map<String, String> carried = exchange.getProperty(PROPERTY, Map.class);
            return carried == null ? Map.of() : carried;
        }
    }
}
