package io.borderlink.gateway.config;

import io.borderlink.adapters.agency.AgencyExchangeFormat;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.peer.PeerExchangeFormat;
import io.borderlink.adapters.wco.WcoFormat;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The formats the gateway speaks: every {@link PartnerFormat} bean is registered by its id, which is
 * what partner and agency files name. A new format is one class and one bean.
 */
@Configuration(proxyBeanMethods = false)
class FormatConfiguration {

    @Bean
    LiaisonFormat liaisonFormat() {
        return new LiaisonFormat();
    }

    @Bean
    WcoFormat wcoFormat() {
        return new WcoFormat();
    }

    @Bean
    NoticeFormat noticeFormat() {
        return new NoticeFormat();
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
    PeerExchangeFormat peerExchangeFormat() {
        return new PeerExchangeFormat();
    }

    @Bean
    PartnerFormats partnerFormats(List<PartnerFormat> formats) {
        return new PartnerFormats(formats);
    }
}
