package io.borderlink.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The check behind {@link RouteStepsIT}, shown to catch what it is there for, without Spring. */
class BeanStepsTest {

    /** A bean that exists, with the method the route names. */
    public static final class Store {
        public void accept() {}
    }

    @Test
    void namesAStepWhoseBeanDoesNotExistAndOneWhoseMethodDoesNot() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:flow.accept")
                            .routeId("flow.accept")
                            .to("bean:store?method=accept")
                            .split(body())
                            .to("bean:store?method=acept")
                            .end()
                            .to("bean:stroe?method=accept");
                }
            });
            camel.addRoutesConfigurations(new RouteConfigurationBuilder() {
                @Override
                public void configuration() {
                    routeConfiguration("flow").onException(Exception.class).to("bean:rejections?method=record");
                }
            });

            Map<String, Class<?>> beans = Map.of("store", Store.class);

            assertThat(BeanSteps.of(camel))
                    .containsExactlyInAnyOrder(
                            "bean:rejections?method=record",
                            "bean:store?method=acept",
                            "bean:store?method=accept",
                            "bean:stroe?method=accept");
            assertThat(BeanSteps.problems(camel, beans::get))
                    .containsExactlyInAnyOrder(
                            "bean:rejections?method=record: no bean named rejections",
                            "bean:store?method=acept: " + Store.class.getName() + " has no public method acept",
                            "bean:stroe?method=accept: no bean named stroe");
        }
    }
}
