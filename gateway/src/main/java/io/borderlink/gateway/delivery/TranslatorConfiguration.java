package io.borderlink.gateway.delivery;

import io.borderlink.adapters.interpol.NoticeWriter;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.adapters.wco.WcoTranslator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner formats' translators, plain adapter classes made beans here. */
@Configuration(proxyBeanMethods = false)
class TranslatorConfiguration {

    @Bean
    LiaisonTranslator liaisonTranslator() {
        return new LiaisonTranslator();
    }

    @Bean
    WcoTranslator wcoTranslator() {
        return new WcoTranslator();
    }

    @Bean
    NoticeWriter noticeWriter() {
        return new NoticeWriter();
    }
}
