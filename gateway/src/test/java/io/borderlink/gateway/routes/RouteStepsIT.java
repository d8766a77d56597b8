package io.borderlink.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.gateway.support.GatewayTestSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The routes call the gateway's beans by name: every name and method they use exists in the application. */
class RouteStepsIT extends GatewayTestSupport {

    @Autowired
    CamelContext camel;

    @Autowired
    ApplicationContext application;

    @Test
    void everyBeanStepOfEveryRouteNamesABeanAndAPublicMethodOfIt() throws Exception {
        // Every flow calls beans: a walk that found only a few would be missing routes, not proving them.
        assertThat(BeanSteps.of(camel)).hasSizeGreaterThanOrEqualTo(20);

        assertThat(BeanSteps.problems(camel, this::beanType)).isEmpty();
    }

    private Class<?> beanType(String name) {
        return application.containsBean(name) ? AopUtils.getTargetClass(application.getBean(name)) : null;
    }
}
