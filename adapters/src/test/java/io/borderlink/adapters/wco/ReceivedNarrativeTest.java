package io.borderlink.adapters.wco;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ReceivedNarrativeTest {

    /** A seizure with a date, a goods item and its detection → one line for each, in that order. */
    @Test
    void saysWhenASeizureWasMadeAndHowItsGoodsWereFound() {
        Element seizure = wco(
                """
                <Seizure xmlns="urn:borderlink:partner:wco:1">
                  <SeizureDate>2025-11-08</SeizureDate>
                  <GoodsShipment id="gs-1">
                    <GovernmentAgencyGoodsItem>
                      <Commodity><Description> Ivory carvings </Description></Commodity>
                    </GovernmentAgencyGoodsItem>
                    <DetectionMethod> X-ray </DetectionMethod>
                  </GoodsShipment>
                </Seizure>""");

        Narrative narrative = ReceivedNarrative.ofSeizure(seizure, "WCO-RILO", "CN-CUSTOMS");

        assertThat(narrative.lang()).isEqualTo("en");
        assertThat(narrative.text())
                .isEqualTo(
                        """
                        Seizure reported by CN-CUSTOMS through WCO-RILO, seized on 2025-11-08.
                        Goods shipment gs-1:
                        - Ivory carvings
                        Detection: X-ray""");
    }

    /** A risk alert without goods items → its risk indicators exactly as written, in their language. */
    @Test
    void keepsTheRiskIndicatorsOfAnAlertWithoutGoodsItemsAsWritten() {
        Element alert = wco(
                """
                <RiskAlert xmlns="urn:borderlink:partner:wco:1">
                  <RiskIndicators languageID="fr">Conteneurs  de Tianjin</RiskIndicators>
                  <GoodsShipment id="gs-1"/>
                </RiskAlert>""");

        Narrative narrative = ReceivedNarrative.ofRiskAlert(alert);

        assertThat(narrative.text()).isEqualTo("Conteneurs  de Tianjin");
        assertThat(narrative.lang()).isEqualTo("fr");
    }

    private static Element wco(String xml) {
        return SecureXml.parse(xml.getBytes(UTF_8)).getDocumentElement();
    }
}
