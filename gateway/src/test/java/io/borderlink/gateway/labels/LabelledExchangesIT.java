package io.borderlink.gateway.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.label.CategoryType;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelCategory;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.LabelledDocuments;
import io.borderlink.testkit.PartnerSide;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Confidentiality labels bound to the payload (docs/labels.md), end to end: agencies submit exchanges that
 * carry a bound label instead of, or beside, their markings; the gateway refuses every label it cannot trust
 * with its own code; and NATO-LIAISON, which takes labels, receives its share with a NATO label the gateway
 * bound to the Body and signed.
 */
class LabelledExchangesIT extends GatewayTestSupport {

    @Autowired
    EvidenceStore evidence;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XmlCrypto CRYPTO = new XmlCrypto();
    private static final LabelledDocuments LABELLING = new LabelledDocuments(CRYPTO);

    /** A label alone stands for the markings: NATO RESTRICTED, releasable to NATO, the rest from the policy. */
    @Test
    void acceptsAnExchangeThatCarriesOnlyABoundLabelAndDeliversItLabelledToNato() throws Exception {
        Exchange alert = forNato();

        HttpResponse<String> receipt =
                agency("mn-border").submit(labelled(alert, nato("NATO RESTRICTED", "NATO", "MNG"), false, doc -> {}));

        assertThat(receipt.statusCode()).isEqualTo(202);
        UUID id = alert.header().exchangeId();
        assertThat(jdbc.queryForObject("SELECT classification FROM exchange WHERE id = ?", String.class, id))
                .isEqualTo("RESTRICTED");
        Document delivered = deliveredToNato(alert);
        ConfidentialityLabel label = boundLabelOf(delivered);
        assertThat(label.policy()).isEqualTo("NATO");
        assertThat(label.classification()).isEqualTo("NATO RESTRICTED");
        assertThat(label.category("Releasable To").orElseThrow().values()).containsExactly("NATO", "MNG");
        Exchange received = ExchangeXml.read(delivered);
        assertThat(received.markings().classification()).isEqualTo(Classification.RESTRICTED);
        assertThat(received.markings().releasableTo()).containsExactly("NATO", "MNG");
    }

    /** Markings and a national label that say the same are accepted, the label kept in the signed original. */
    @Test
    void acceptsMarkingsAndALabelThatAgree() {
        Exchange alert = forNato();
        ConfidentialityLabel national = national(alert);

        HttpResponse<String> receipt = agency("mn-border").submit(labelled(alert, national, true, doc -> {}));

        assertThat(receipt.statusCode()).isEqualTo(202);
        byte[] signed = evidence.original(alert.header().exchangeId(), EvidenceKind.SIGNED_ORIGINAL)
                .orElseThrow();
        assertThat(new String(signed)).contains("MN NATIONAL").contains("BindingInformation");
    }

    @Test
    void refusesMarkingsThatDisagreeWithTheLabel() throws Exception {
        Exchange alert = forNato();

        assertRefused(
                alert,
                labelled(alert, nato("NATO CONFIDENTIAL", "NATO"), true, doc -> {}),
                "LABEL_MARKINGS_MISMATCH",
                "classification UNCLASSIFIED, label CONFIDENTIAL");
    }

    /** A labelling system that put another document's label into this one: the binding no longer holds. */
    @Test
    void refusesALabelSwappedAfterBinding() throws Exception {
        Exchange alert = forNato();
        Document other = LABELLING.bound(forNato(), nato("NATO UNCLASSIFIED", "NATO"), false, DevPki.key("mn-border"));

        assertRefused(
                alert,
                labelled(alert, nato("NATO RESTRICTED", "NATO"), false, doc -> {
                    Element label = LabelledDocuments.label(doc);
                    label.getParentNode().replaceChild(doc.importNode(LabelledDocuments.label(other), true), label);
                }),
                "LABEL_BINDING_INVALID",
                "changed, or was swapped, after binding");
    }

    @Test
    void refusesAPayloadChangedAfterBinding() throws Exception {
        Exchange alert = forNato();

        assertRefused(
                alert,
                labelled(alert, nato("NATO RESTRICTED", "NATO"), false, doc -> narrative(doc)
                        .setTextContent("Nothing to report.")),
                "LABEL_BINDING_INVALID",
                "changed, or was swapped, after binding");
    }

    @Test
    void refusesABindingThatDoesNotCoverThePayload() throws Exception {
        Exchange alert = forNato();

        assertRefused(
                alert,
                labelled(alert, nato("NATO RESTRICTED", "NATO"), false, doc -> LabelledDocuments.body(doc)
                        .setAttributeNS(null, LabelXml.ID, "another")),
                "LABEL_BINDING_INVALID",
                "not this document's Body");
    }

    @Test
    void refusesALabelBoundBySomeoneOtherThanTheSigner() throws Exception {
        Exchange alert = forNato();
        Document bound = LABELLING.bound(alert, nato("NATO RESTRICTED", "NATO"), false, DevPki.key("mn-customs"));

        assertRefused(
                alert,
                LABELLING.protect(bound, DevPki.key("mn-border"), DevPki.certificate("gateway-enc")),
                "LABEL_BINDING_INVALID",
                "the label was bound by");
    }

    @Test
    void refusesALabelUnderAnUnknownPolicy() throws Exception {
        Exchange alert = forNato();
        ConfidentialityLabel eu =
                new ConfidentialityLabel("EU", null, "RESTREINT UE/EU RESTRICTED", List.of(), Instant.now(), null);

        assertRefused(alert, labelled(alert, eu, false, doc -> {}), "LABEL_POLICY_UNKNOWN", "no label policy EU");
    }

    @Test
    void refusesACategoryValueThePolicyDoesNotDefine() throws Exception {
        Exchange alert = forNato();

        assertRefused(
                alert,
                labelled(alert, nato("NATO RESTRICTED", "NATO", "ATLANTIS"), false, doc -> {}),
                "LABEL_VALUE_UNKNOWN",
                "ATLANTIS is not a value of Releasable To under NATO");
    }

    /** The dry run shows the label NATO-LIAISON would get and the rule it passed. */
    @Test
    void theDryRunShowsTheLabelThePartnerWouldGet() throws Exception {
        Exchange alert = forNato();

        HttpResponse<String> answer = agency("mn-border").dryRun(ExchangeXml.write(alert), "NATO-LIAISON");

        JsonNode decision = JSON.readTree(answer.body()).get("decisions").get(0);
        assertThat(decision.get("decision").asText()).isEqualTo("RELEASE");
        assertThat(decision.get("trace").toString())
                .contains("label-policy")
                .contains("labelled NATO NATO UNCLASSIFIED; Releasable To NATO")
                .contains("label:releasable-to-nato");
        assertThat(decision.get("rendered").asText())
                .contains("BindingInformation")
                .contains("<slab:Classification>NATO UNCLASSIFIED</slab:Classification>");
    }

    private void assertRefused(Exchange exchange, byte[] document, String code, String detail) throws Exception {
        HttpResponse<String> response = agency("mn-border").submit(document);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
        UUID id = exchange.header().exchangeId();
        assertThat(auditOf(id)).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("step", "RECEIVE")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("code", code)
                .hasEntrySatisfying("detail", d -> assertThat((String) d).contains(detail)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange WHERE id = ?", Integer.class, id))
                .isZero();
    }

    private static byte[] labelled(
            Exchange exchange, ConfidentialityLabel label, boolean withMarkings, Consumer<Document> afterBinding) {
        Document bound = LABELLING.bound(exchange, label, withMarkings, DevPki.key("mn-border"));
        afterBinding.accept(bound);
        return LABELLING.protect(bound, DevPki.key("mn-border"), DevPki.certificate("gateway-enc"));
    }

    /** The border police's vehicle alert (UNCLASSIFIED, H0, A1), releasable to NATO and addressed to it. */
    private static Exchange forNato() {
        Exchange sample = fresh(Samples.byCategory(Category.VEHICLE_ALERT));
        return sample.withHeader(sample.header().withAddressees(List.of("NATO-LIAISON")))
                .withMarkings(sample.markings().withReleasableTo(List.of("NATO")));
    }

    private static ConfidentialityLabel nato(String classification, String... releasableTo) {
        return new ConfidentialityLabel(
                "NATO",
                "urn:oid:1.3.26.1.3.1",
                classification,
                List.of(new LabelCategory("Releasable To", null, CategoryType.PERMISSIVE, List.of(releasableTo))),
                Instant.now(),
                null);
    }

    /** The national label that says exactly what the exchange's markings say. */
    private static ConfidentialityLabel national(Exchange exchange) {
        Markings m = exchange.markings();
        return new ConfidentialityLabel(
                "MN NATIONAL",
                null,
                m.classification().name(),
                List.of(
                        new LabelCategory("Releasable To", null, CategoryType.PERMISSIVE, m.releasableTo()),
                        new LabelCategory(
                                "Handling",
                                null,
                                CategoryType.RESTRICTIVE,
                                List.of(m.handlingCode().name())),
                        new LabelCategory(
                                "TLP",
                                null,
                                CategoryType.INFORMATIVE,
                                List.of(m.tlp().label())),
                        new LabelCategory(
                                "Evaluation",
                                null,
                                CategoryType.INFORMATIVE,
                                List.of(m.sourceReliability().name() + m.informationAccuracy()))),
                Instant.now(),
                null);
    }

    /** What NATO-LIAISON received for the exchange, decrypted with its key, the gateway's signature verified. */
    private static Document deliveredToNato(Exchange exchange) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !NATO_LIAISON
                .receivedFor(exchange.header().correlationId())
                .isEmpty());
        byte[] body = NATO_LIAISON
                .receivedFor(exchange.header().correlationId())
                .get(0)
                .getBody();
        PartnerSide.Opened opened = PartnerSide.openExchange(body, "interpol-ncb");
        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway"));
        return opened.message();
    }

    /** The label bound to the Body, its binding verified to be the gateway's. */
    private static ConfidentialityLabel boundLabelOf(Document delivered) {
        Element binding = LabelXml.bindingIn(delivered).orElseThrow();
        assertThat(CRYPTO.verifyBinding(binding, LabelledDocuments.body(delivered)))
                .isEqualTo(DevPki.certificate("gateway"));
        return LabelXml.read(LabelXml.parts(binding).label());
    }

    private static Element narrative(Document document) {
        return (Element) document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Narrative")
                .item(0);
    }
}
