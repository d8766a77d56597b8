package io.borderlink.gateway.web;

import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The management server on a port of its own (management.server.port, as production runs it) is a child context
 * with a Tomcat of its own, which the gateway port's customizers do not reach. It refuses as the gateway port does:
 * whatever it answers with an error status and no body of its own (a path, health group or metric there is not, a
 * method not allowed, a malformed request) is answered by {@link ContainerRefusals}, stable code, problem JSON and
 * audit event, with Spring Boot's error page, which would answer without a code and audit nothing, taken out.
 * Spring Boot imports it into that child context only (META-INF/spring); the component scan finds it too, hence the
 * condition.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(ManagementServerRefusals.InAChildContext.class)
class ManagementServerRefusals {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementContainerRefusals(
            ObjectProvider<WebRefusals> refusals) {
        return factory -> {
            ContainerRefusals.install(factory, refusals::getObject);
            factory.addContextCustomizers(context -> {
                for (ErrorPage page : context.findErrorPages()) {
                    context.removeErrorPage(page);
                }
            });
        };
    }

    /** The management server's context is the only one with a parent: the gateway's own. */
    static final class InAChildContext implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getBeanFactory() != null && context.getBeanFactory().getParentBeanFactory() != null;
        }
    }
}
