package io.borderlink.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.SourceDetails;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.people.Role;
import io.borderlink.gateway.security.ContentVisibility.Sight;
import io.borderlink.gateway.security.ContentVisibility.View;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What each role sees of an exchange, decided in one place: the rows of the matrix in docs/architecture.md. */
class ContentVisibilityTest {

    private static final Exchange INCIDENT =
            ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice()));

    @Test
    void anAdministratorSeesOnlyMetadataInEveryView() {
        for (View view : View.values()) {
            assertThat(ContentVisibility.sight(Role.ADMIN.name(), view))
                    .as(view.name())
                    .isEqualTo(Sight.METADATA);
        }
    }

    @Test
    void officersAndAuditorsSeeTheContentOfTasksAndExchanges() {
        for (View view : View.values()) {
            assertThat(ContentVisibility.sight(Role.OFFICER.name(), view)).isEqualTo(Sight.CONTENT);
            assertThat(ContentVisibility.sight(Role.AUDITOR.name(), view)).isEqualTo(Sight.CONTENT);
        }
    }

    @Test
    void callersWithoutAPersonsRoleWouldSeeMetadataOnly() {
        for (String role : new String[] {Role.MONITOR.name(), Caller.AGENCY, Caller.PARTNER, null}) {
            for (View view : View.values()) {
                assertThat(ContentVisibility.sight(role, view)).isEqualTo(Sight.METADATA);
            }
        }
    }

    @Test
    void readsTheRoleOfTheCaller() {
        Caller admin = new Caller("admin-1", "ADMIN", null, "fingerprint", null);

        assertThat(ContentVisibility.sight(admin, View.APPROVAL_TASK)).isEqualTo(Sight.METADATA);
    }

    /** The sample names its source (B. Munkhbat, MN-BORDER/SEL/HS-0211, Captain O. Tsogtbaatar) and has notes. */
    @Test
    void withholdsTheSourcesIdentityAndTheInternalNotesFromPeople() {
        Exchange shown = ContentVisibility.forPeople(INCIDENT);

        SourceDetails source = shown.body().sourceDetails();
        assertThat(source.name()).isEqualTo(ContentVisibility.WITHHELD);
        assertThat(source.sourceCode()).isEqualTo(ContentVisibility.WITHHELD);
        assertThat(source.handler()).isEqualTo(ContentVisibility.WITHHELD);
        assertThat(shown.body().internalNotes()).isEqualTo(ContentVisibility.WITHHELD);
        assertThat(new String(ExchangeXml.write(shown), StandardCharsets.UTF_8))
                .doesNotContain("Munkhbat", "HS-0211", "Tsogtbaatar", "tipped off", "do not reveal");
    }

    @Test
    void keepsEverythingElseAsTheOriginatorWroteIt() {
        Exchange shown = ContentVisibility.forPeople(INCIDENT);

        assertThat(shown.header()).isEqualTo(INCIDENT.header());
        assertThat(shown.markings()).isEqualTo(INCIDENT.markings());
        assertThat(shown.body().subjects()).isEqualTo(INCIDENT.body().subjects());
        assertThat(shown.body().associations()).isEqualTo(INCIDENT.body().associations());
        assertThat(shown.body().narrative()).isEqualTo(INCIDENT.body().narrative());
        assertThat(shown.body().tearlines()).isEqualTo(INCIDENT.body().tearlines());
        assertThat(shown.body().sourceDetails().description())
                .isEqualTo(INCIDENT.body().sourceDetails().description());
    }

    @Test
    void leavesAbsentFieldsAbsent() {
        Exchange plain =
                INCIDENT.withBody(INCIDENT.body().withoutSourceDetails().withoutInternalNotes());

        assertThat(ContentVisibility.forPeople(plain)).isEqualTo(plain);
    }

    @Test
    void marksFieldsThatWereAbsentFromTheSourceAsAbsent() {
        Exchange described = INCIDENT.withBody(new Body(
                INCIDENT.body().subjects(),
                INCIDENT.body().associations(),
                INCIDENT.body().narrative(),
                INCIDENT.body().tearlines(),
                new SourceDetails("a herder", null, "HS-0211", null),
                null));

        SourceDetails source = ContentVisibility.forPeople(described).body().sourceDetails();

        assertThat(source.name()).isNull();
        assertThat(source.sourceCode()).isEqualTo(ContentVisibility.WITHHELD);
        assertThat(source.handler()).isNull();
    }

    @Test
    void anAdministratorReadsTheGatewaysOwnDetailsButNotPeoplesOrDocumentsWords() {
        assertThat(ContentVisibility.eventDetail(Sight.METADATA, AuditStep.DELIVER, "attempt 1: 503"))
                .isEqualTo("attempt 1: 503");
        assertThat(ContentVisibility.eventDetail(Sight.METADATA, AuditStep.DECIDE, "rule handling-code, policy 7"))
                .isEqualTo("rule handling-code, policy 7");
        assertThat(ContentVisibility.eventDetail(
                        Sight.METADATA, AuditStep.APPROVAL, "approval 1 of 2: the herder's report matches"))
                .isEqualTo(ContentVisibility.WITHHELD);
        assertThat(ContentVisibility.eventDetail(Sight.METADATA, AuditStep.RECEIVE, "cvc-type: 'B. Munkhbat'"))
                .isEqualTo(ContentVisibility.WITHHELD);
        assertThat(ContentVisibility.eventDetail(Sight.METADATA, AuditStep.LEGAL_HOLD, "hold 3 set: inquiry"))
                .isEqualTo(ContentVisibility.WITHHELD);
        assertThat(ContentVisibility.eventDetail(Sight.METADATA, AuditStep.APPROVAL, null))
                .isNull();
    }

    @Test
    void officersAndAuditorsReadEveryDetail() {
        assertThat(ContentVisibility.eventDetail(Sight.CONTENT, AuditStep.APPROVAL, "approval 1 of 2: checked"))
                .isEqualTo("approval 1 of 2: checked");
    }
}
