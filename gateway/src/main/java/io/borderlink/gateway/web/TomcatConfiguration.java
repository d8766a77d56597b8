package io.borderlink.gateway.web;

import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
