package io.borderlink.adapters.interpol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticeFormatTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");

    private final PartnerFormat format = new NoticeFormat(TestIdentity.MONGOLIA);

    @Test
    void isTheNoticeJsonOfPartnerFiles() {
        assertThat(format.id()).isEqualTo("NOTICE_JSON");
        assertThat(format.audience()).isEqualTo(PartnerFormat.Audience.PARTNER);
    }

    @Test
    void rendersNoticeJsonProtectedWholeWithJose() {
        Exchange missing = ExchangeXml.read(SecureXml.parse(Samples.missingPersonFromBorderPolice()));

        Rendered rendered = format.render(missing, MESSAGE_ID, "INTERPOL-NCB", Instant.now());

        assertThat(rendered.xml()).isNull();
        assertThat(new String(rendered.json(), UTF_8)).startsWith("{").contains(MESSAGE_ID.toString());
        assertThat(format.protection()).isEqualTo(Protection.jose());
    }

    @Test
    void keepsAndPostsTheProtectedNoticeAsApplicationJose() {
        byte[] jwe = "eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.a.b.c.d".getBytes(UTF_8);

        assertThat(format.mediaType()).isEqualTo("application/jose");
        assertThat(format.httpEnvelope().contentType()).isEqualTo("application/jose");
        assertThat(format.httpEnvelope().headers()).isEmpty();
        assertThat(format.httpEnvelope().wrap(jwe)).isEqualTo(jwe);
    }

    /** The notices are polled from the NCB's feed; nothing in this format is pushed to us. */
    @Test
    void isNeverPushedToUs() {
        assertThat(format.intake()).isEmpty();
    }
}
