package io.borderlink.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.agency.AgencyExchangeFormat;
import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.wco.WcoFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerFormatsTest {

    private final PartnerFormats formats = new PartnerFormats(List.of(
            new LiaisonFormat(TestIdentity.MONGOLIA),
            new WcoFormat(TestIdentity.MONGOLIA),
            new NoticeFormat(TestIdentity.MONGOLIA),
            AgencyExchangeFormat.rest(),
            AgencyExchangeFormat.soap()));

    @Test
    void picksTheFormatAFileNames() {
        assertThat(formats.get("LIAISON_SOAP")).isInstanceOf(LiaisonFormat.class);
        assertThat(formats.get("NOTICE_JSON")).isInstanceOf(NoticeFormat.class);
        assertThat(formats.get("AGENCY_SOAP").id()).isEqualTo("AGENCY_SOAP");
    }

    @Test
    void refusesAnUnknownFormatNamingTheKnownOnes() {
        assertThatThrownBy(() -> formats.get("LIAISON_FAX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format LIAISON_FAX; the formats are "
                        + "[AGENCY_REST, AGENCY_SOAP, LIAISON_SOAP, NOTICE_JSON, WCO_XML]");
    }

    @Test
    void refusesTwoFormatsOfTheSameName() {
        assertThatThrownBy(() -> new PartnerFormats(
                        List.of(new LiaisonFormat(TestIdentity.MONGOLIA), new LiaisonFormat(TestIdentity.MONGOLIA))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two formats are registered as LIAISON_SOAP");
    }
}
