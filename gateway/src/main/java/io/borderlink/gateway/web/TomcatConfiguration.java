package io.borderlink.gateway.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /**
     * A client that asks before sending its body ({@code Expect: 100-continue}) is told to go on only when
     * something reads the body. A request refused by its declared length is then answered before a byte of
     * its body is sent, instead of being invited to send it all (Tomcat's default, "immediately").
     */
    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    /**
     * The host answers what the container refuses before the application sees it ({@link ContainerRefusals}), in
     * place of the error report valve Spring Boot adds; ordered last, so that it runs after Boot's customizer.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerRefusals(ObjectProvider<WebRefusals> refusals) {
        return factory -> ContainerRefusals.install(factory, refusals::getObject);
    }
}
