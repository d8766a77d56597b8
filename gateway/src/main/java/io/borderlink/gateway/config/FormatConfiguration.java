package io.borderlink.gateway.config;

import io.borderlink.adapters.agency.AgencyExchangeFormat;
import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.peer.PeerExchangeFormat;
import io.borderlink.adapters.wco.WcoFormat;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The formats the gateway speaks: every {@link PartnerFormat} bean is registered by its id, which is
 * what partner and agency files name. A new format is one class and one bean. The partner formats write and
 * require the gateway's own identity ({@code borderlink.identity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayIdentity.class)
class FormatConfiguration {

    @Bean
    LiaisonFormat liaisonFormat(GatewayIdentity identity) {
        return new LiaisonFormat(identity);
    }

    @Bean
    WcoFormat wcoFormat(GatewayIdentity identity) {
        return new WcoFormat(identity);
    }

    @Bean
    NoticeFormat noticeFormat(GatewayIdentity identity) {
        return new NoticeFormat(identity);
    }

    @Bean
    AgencyExchangeFormat agencyRestFormat() {
        return AgencyExchangeFormat.rest();
    }

    @Bean
    AgencyExchangeFormat agencySoapFormat() {
        return AgencyExchangeFormat.soap();
    }

    @Bean
    PeerExchangeFormat peerExchangeFormat(GatewayIdentity identity) {
        return new PeerExchangeFormat(identity);
    }

    @Bean
    PartnerFormats partnerFormats(List<PartnerFormat> formats) {
        return new PartnerFormats(formats);
    }
}
