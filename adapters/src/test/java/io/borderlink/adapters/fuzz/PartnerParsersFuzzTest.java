package io.borderlink.adapters.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.adapters.interpol.NoticeListParser;
import io.borderlink.adapters.interpol.NoticeMapper;
import io.borderlink.adapters.interpol.NoticeType;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.wco.WcoFormat;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.UUID;
import org.w3c.dom.Document;

/**
 * What partners and feeds send is read by these parsers after the gateway has verified who sent it — but
 * a partner's own system can be broken or compromised. Whatever the bytes, each parser either returns or
 * refuses with a stable code ({@link GatewayException}); any other exception is a crash the fuzzer keeps.
 * In the test command these run over the committed corpus (src/test/resources/.../PartnerParsersFuzzTestInputs);
 * {@code JAZZER_FUZZ=1} fuzzes one of them for real (docs/security.md, fuzzing).
 */
class PartnerParsersFuzzTest {

    private static final Intake LIAISON =
            new LiaisonFormat(TestIdentity.MONGOLIA).intake().orElseThrow();
    private static final Intake WCO =
            new WcoFormat(TestIdentity.MONGOLIA).intake().orElseThrow();
    private static final NoticeMapper NOTICES = new NoticeMapper();
    private static final NoticeListParser LISTS = new NoticeListParser();
    private static final UUID EXCHANGE = UUID.fromString("6f1c7a52-2b1e-4f5b-9d0a-3c1a7f0e9b11");

    @FuzzTest
    void liaisonMessagesAreReadOrRefusedWithACode(byte[] message) {
        readOrRefuse(LIAISON, message, "RU-LIAISON");
    }

    @FuzzTest
    void customsMessagesAreReadOrRefusedWithACode(byte[] message) {
        readOrRefuse(WCO, message, "WCO-RILO");
    }

    @FuzzTest
    void noticeDetailsAreMappedOrRefusedWithACode(byte[] detail) {
        for (NoticeType type : NoticeType.values()) {
            try {
                NOTICES.version(type, detail);
                assertThat(NOTICES.toExchange(type, detail, Instant.EPOCH)).isNotNull();
                assertThat(NOTICES.toWithdrawal(type, detail, Instant.EPOCH)).isNotNull();
            } catch (GatewayException refused) {
                assertThat(refused.code()).isNotNull();
            }
        }
    }

    @FuzzTest
    void noticeListsAreParsedOrRefusedWithACode(byte[] list) {
        try {
            assertThat(LISTS.parse(list)).isNotNull();
        } catch (GatewayException refused) {
            assertThat(refused.code()).isNotNull();
        }
    }

    private static void readOrRefuse(Intake intake, byte[] message, String sender) {
        try {
            Document document = SecureXml.parse(message);
            intake.messageId(document);
            assertThat(intake.translate(document, sender, EXCHANGE)).isNotNull();
        } catch (GatewayException refused) {
            assertThat(refused.code()).isNotNull();
        }
    }
}
