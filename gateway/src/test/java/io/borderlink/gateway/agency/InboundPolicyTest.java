package io.borderlink.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.agency.AgencyExchangeFormat;
import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.policy.ShareDecision;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The inbound rules of one agency, on the demo agency files and sample exchanges as partners would send them. */
class InboundPolicyTest {

    private static final Path AGENCIES = Path.of("config/agencies");
    private static final YamlRecords YAML = new YamlRecords(
            new StandardEnvironment(),
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()),
            new PartnerFormats(List.of(AgencyExchangeFormat.rest(), AgencyExchangeFormat.soap())));
    private static final AgencyDirectory DEMO = AgencyDirectory.load(AGENCIES, YAML);

    @Test
    void tracesEveryRuleSoTheAuditTrailSaysWhyAnAgencyDidNotReceiveAnExchange() {
        Exchange confidential = vehicleAlert(Classification.CONFIDENTIAL, Tlp.AMBER, HandlingCode.H1, List.of());

        ShareDecision border = decide("MN-BORDER", confidential);

        assertThat(border.decision()).isEqualTo(Decision.DENY);
        assertThat(border.ruleId()).isEqualTo("classification-ceiling");
        assertThat(border.reason()).isEqualTo("CONFIDENTIAL above the ceiling RESTRICTED");
        assertThat(border.viewBytes()).isNull();
        assertThat(border.trace())
                .extracting(o -> o.rule() + " " + o.verdict())
                .containsExactly(
                        "inbound-receives[0] PASS",
                        "classification-ceiling DENY",
                        "tlp-red-named SKIPPED",
                        "handling-code PASS");
        assertThat(decide("MN-CUSTOMS", confidential).decision()).isEqualTo(Decision.RELEASE);
    }

    @Test
    void givesTlpRedOnlyToTheNamedAddressee() {
        Exchange red = vehicleAlert(Classification.UNCLASSIFIED, Tlp.RED, HandlingCode.H0, List.of("MN-CUSTOMS"));

        ShareDecision customs = decide("MN-CUSTOMS", red);
        ShareDecision border = decide("MN-BORDER", red);

        assertThat(customs.decision()).isEqualTo(Decision.RELEASE);
        assertThat(customs.trace())
                .contains(new RuleOutcome(
                        "tlp-red-named", RuleOutcome.Verdict.PASS, "TLP:RED and MN-CUSTOMS is a named addressee"));
        assertThat(border.decision()).isEqualTo(Decision.DENY);
        assertThat(border.ruleId()).isEqualTo("tlp-red-named");
        assertThat(border.reason()).isEqualTo("TLP:RED goes only to named addressees");
    }

    @Test
    void sharesAnH2ExchangeWithNoAgencyBeyondTheAddresseesItNames() {
        Exchange addressed =
                vehicleAlert(Classification.UNCLASSIFIED, Tlp.AMBER, HandlingCode.H2, List.of("MN-BORDER"));
        Exchange unaddressed = vehicleAlert(Classification.UNCLASSIFIED, Tlp.AMBER, HandlingCode.H2, List.of());

        assertThat(decide("MN-BORDER", addressed).decision()).isEqualTo(Decision.RELEASE);
        assertThat(decide("MN-CUSTOMS", addressed).reason())
                .isEqualTo("H2 allows no sharing beyond the named addressees [MN-BORDER]");
        assertThat(decide("MN-CUSTOMS", unaddressed).decision()).isEqualTo(Decision.RELEASE);
        assertThat(decide("MN-BORDER", unaddressed).decision()).isEqualTo(Decision.RELEASE);
    }

    @Test
    void deniesAHandlingCodeTheAgencyFileDenies(@TempDir Path folder) throws IOException {
        Files.writeString(
                folder.resolve("mn-customs.yml"),
                Files.readString(AGENCIES.resolve("mn-customs.yml"))
                        .replace(
                                "  classification-ceiling: CONFIDENTIAL\n",
                                "  classification-ceiling: CONFIDENTIAL\n  handling: { H1: DENY }\n"));
        Agency customs = AgencyDirectory.load(folder, YAML).find("MN-CUSTOMS").orElseThrow();

        ShareDecision decision = InboundPolicy.decide(
                customs,
                "RU-LIAISON",
                vehicleAlert(Classification.UNCLASSIFIED, Tlp.GREEN, HandlingCode.H1, List.of()),
                "test");

        assertThat(decision.decision()).isEqualTo(Decision.DENY);
        assertThat(decision.ruleId()).isEqualTo("handling-code");
        assertThat(decision.reason()).isEqualTo("H1 → DENY for MN-CUSTOMS");
    }

    private static ShareDecision decide(String agency, Exchange exchange) {
        return InboundPolicy.decide(DEMO.find(agency).orElseThrow(), "RU-LIAISON", exchange, DEMO.version());
    }

    /** The vehicle alert sample as the Russian office would send it, with these markings and addressees. */
    private static Exchange vehicleAlert(
            Classification classification, Tlp tlp, HandlingCode handling, List<String> addressees) {
        Exchange sample = ExchangeXml.read(SecureXml.parse(Samples.vehicleAlertFromBorderPolice()));
        Markings m = sample.markings();
        return sample.withHeader(sample.header().withAddressees(addressees))
                .withMarkings(new Markings(
                        classification,
                        tlp,
                        List.of(),
                        handling,
                        null,
                        m.sourceReliability(),
                        m.informationAccuracy(),
                        null));
    }
}
