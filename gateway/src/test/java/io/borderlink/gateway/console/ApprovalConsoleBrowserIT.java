package io.borderlink.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.support.Browser;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.PartnerSide;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real, headless Chromium: officers approve held shares with the pages and forms an
 * officer would use, and an auditor can neither see nor forge a decision. Run with {@code -Pbrowser}.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class ApprovalConsoleBrowserIT extends GatewayTestSupport {

    @RegisterExtension
    final Browser.ScreenshotOnFailure screenshots = new Browser.ScreenshotOnFailure();

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(port);
        screenshots.watch(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** officer-1 reviews a held wanted-person share from the queue, approves it, and Kyakhta receives it. */
    @Test
    void officerApprovesASingleApprovalShareAndThePartnerReceivesIt() {
        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice());
        UUID task = task(wanted);

        browser.signIn("officer-1");
        browser.open("/console/approvals?partner=RU-LIAISON");
        browser.driver()
                .findElement(By.cssSelector("a[href='/console/approvals/" + task + "']"))
                .click();
        assertThat(browser.driver().findElement(By.id("rendered")).getText()).contains("<LiaisonMessage");
        approve("Wanted by the Russian side as well; releasable under the agreement.");

        browser.awaitNotice("released to RU-LIAISON");
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !RU_LIAISON.receivedFor(wanted.header().correlationId()).isEmpty());
    }

    /** The four-eyes border incident: officer-1 approves (1 of 2), then officer-2 approves and it is released. */
    @Test
    void twoOfficersCompleteAFourEyesApproval() {
        Exchange incident = submitted(Samples.borderIncidentFromBorderPolice());
        UUID task = task(incident);

        browser.signIn("officer-1");
        browser.open("/console/approvals/" + task);
        approve("Provider's permission recorded, reference PERM-0917.");
        browser.awaitNotice("approval 1 of 2");
        browser.signOut();

        browser.signIn("officer-2");
        browser.open("/console/approvals/" + task);
        approve("Second officer: checked against the patrol report.");

        browser.awaitNotice("released to RU-LIAISON");
        await().atMost(Duration.ofSeconds(15)).until(() -> !RU_LIAISON
                .receivedFor(incident.header().correlationId())
                .isEmpty());
    }

    /**
     * The border incident without a tearline is held for review: officer-1 approves it as written, then
     * officer-2 redacts the narrative in the task's form. The rendered message and the diff show the edit,
     * officer-1's approval no longer counts, and once both approve the redacted view Kyakhta receives it.
     */
    @Test
    void anOfficerRedactsTheNarrativeAndTheApprovalsStartAgain() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        incident =
                incident.withBody(incident.body().withNarrative(incident.body().narrative(), List.of()));
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        UUID task = task(incident);
        String redacted = "A white Lada Granta was stopped near the Altanbulag crossing point after crossing"
                + " the border line outside any crossing point; driver and vehicle were handed over at Kyakhta.";

        browser.signIn("officer-1");
        browser.open("/console/approvals/" + task);
        assertThat(browser.driver().findElement(By.id("narrative")).getAttribute("value"))
                .contains("3.8 km east");
        approve("Provider's permission recorded, reference PERM-0917.");
        // Signing out before the approval's page is back clicks a button that page is replacing.
        browser.awaitNotice("approval 1 of 2");
        browser.signOut();

        browser.signIn("officer-2");
        browser.open("/console/approvals/" + task);
        browser.driver().findElement(By.id("narrative")).clear();
        browser.driver().findElement(By.id("narrative")).sendKeys(redacted);
        browser.driver().findElement(By.id("edit-narrative")).click();

        browser.awaitNotice("narrative edited", "leak check: no hit");
        assertThat(browser.driver().findElement(By.id("rendered")).getText())
                .contains(redacted)
                .doesNotContain("3.8 km");
        assertThat(browser.driver().findElement(By.id("narrative-edited-by")).getText())
                .contains("officer-2");
        assertThat(browser.driver().findElement(By.id("diff")).getText())
                .contains("Body/Narrative")
                .contains("CHANGED");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("0 of 2")
                .contains("no (earlier view)");
        approve("Redacted: the exact spot stays with us.");
        browser.awaitNotice("approval 1 of 2");
        browser.signOut();

        browser.signIn("officer-1");
        browser.open("/console/approvals/" + task);
        approve("The redacted text is releasable.");

        browser.awaitNotice("released to RU-LIAISON");
        UUID correlation = incident.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !RU_LIAISON.receivedFor(correlation).isEmpty());
        assertThat(new String(
                        SecureXml.serialize(PartnerSide.open(
                                        RU_LIAISON
                                                .receivedFor(correlation)
                                                .get(0)
                                                .getBody(),
                                        "ru-liaison")
                                .message()),
                        StandardCharsets.UTF_8))
                .contains(redacted)
                .doesNotContain("3.8 km");
    }

    /** officer-1 approving the same four-eyes task twice is refused; it still waits for a second officer. */
    @Test
    void anOfficerCannotApproveTwice() {
        UUID task = task(submitted(Samples.borderIncidentFromBorderPolice()));

        browser.signIn("officer-1");
        browser.open("/console/approvals/" + task);
        approve("First look.");
        // The second form is the page the first approval leads to, not the one still shown while it loads.
        browser.awaitNotice("approval 1 of 2");
        approve("Trying to count twice.");

        browser.awaitAlert("APPROVAL_DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, task))
                .isEqualTo("HELD");
    }

    /** auditor-1 sees the task without any decision form, and a POST forged from the page is refused with 403. */
    @Test
    void auditorSeesNoApproveButtonAndAForgedPostIsRefused() {
        UUID task = task(submitted(Samples.wantedPersonFromBorderPolice()));

        browser.signIn("auditor-1");
        browser.open("/console/approvals/" + task);

        assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
        Object status = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector("input[name=_csrf]").value;
                fetch('/console/approvals/%s/approve', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'viewDigest=x&reason=forged&_csrf=' + encodeURIComponent(csrf)})
                  .then(r => done(r.status));"""
                                .formatted(task));
        assertThat(status).isEqualTo(403L);
        assertThat(jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, task))
                .isEqualTo("HELD");
    }

    private void approve(String reason) {
        browser.driver().findElement(By.id("approve-reason")).sendKeys(reason);
        browser.driver().findElement(By.id("approve")).click();
    }

    private Exchange submitted(byte[] sample) {
        Exchange exchange = fresh(sample);
        assertThat(agency("mn-border").submit(protect(exchange, "mn-border")).statusCode())
                .isEqualTo(202);
        return exchange;
    }

    private UUID task(Exchange exchange) {
        return jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON' AND state = 'HELD'",
                UUID.class,
                exchange.header().exchangeId());
    }
}
