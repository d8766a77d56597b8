package io.borderlink.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.Browser;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The console as people meet it, in a real headless Chromium: the sign-in page in the console's look with the
 * certificate first; a sign-in and page views that leave no access-denied events behind; the operator's page
 * for an administrator while a partner is failing, read-only for an auditor, refused to an officer. Run with
 * {@code -Pbrowser}.
 */
@TestPropertySource(
        properties = {
            "borderlink.partner.ru-liaison.max-attempts=50",
            "borderlink.partner.ru-liaison.circuit-failures=2",
            "borderlink.partner.ru-liaison.circuit-open-for=60s"
        })
class OperationsConsoleBrowserIT extends GatewayTestSupport {

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

    /** The stylesheet is served to a browser nobody has signed in with; the certificate is offered before the password. */
    @Test
    void theSignInPageHasTheConsoleLookAndOffersTheCertificateFirst() {
        browser.open("/login");

        assertThat(browser.driver().getTitle()).isEqualTo("Sign in · Borderlink");
        assertThat(style(browser.driver().findElement(By.tagName("header")), "background-color"))
                .isEqualTo("rgb(31, 58, 95)");
        List<WebElement> sections = browser.driver().findElements(By.cssSelector(".signin section"));
        assertThat(sections)
                .extracting(section -> section.getAttribute("id"))
                .containsExactly("certificate", "password");
        assertThat(browser.driver().findElement(By.id("certificate-sign-in")).getAttribute("href"))
                .endsWith("/console");
    }

    /** Six of the first thirteen events after a sign-in used to be refused favicons and stylesheets. */
    @Test
    void aSignInAndPageViewsLeaveNoAccessDeniedEventsBehind() {
        long before = accessEvents();

        browser.signIn("officer-1");
        browser.open("/console/approvals");
        browser.open("/console");
        browser.signOut();

        browser.awaitNotice("signed out");
        assertThat(accessEvents()).isEqualTo(before);
    }

    /**
     * RU-LIAISON answers 503: admin-1 finds it on the operator's page with its open circuit and the partner's
     * own words, the outbox waiting for it, the cluster and the audit chain, times as "… ago".
     */
    @Test
    void anAdministratorSeesAFailingPartnerOnTheOperatorsPage() {
        RU_LIAISON.answer(503, "Service Unavailable: maintenance until 06:00 UTC");
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_event WHERE step = 'CIRCUIT' AND partner_id = 'RU-LIAISON'",
                                Integer.class)
                        > 0);

        browser.signIn("admin-1");
        browser.driver().findElement(By.linkText("Operations")).click();

        WebElement ruLiaison = browser.driver().findElement(By.id("recipient-RU-LIAISON"));
        assertThat(ruLiaison.findElement(By.cssSelector("td:nth-child(2)")).getText())
                .isEqualTo("OPEN");
        assertThat(ruLiaison.findElement(By.cssSelector(".last-error")).getText())
                .contains("answered HTTP 503: Service Unavailable: maintenance until 06:00 UTC")
                .containsPattern("\\((just now|\\d+ s ago)\\)");
        assertThat(ruLiaison.findElement(By.cssSelector(".waiting")).getText()).startsWith("1");
        assertThat(browser.driver().findElement(By.id("health-overall")).getText())
                .isEqualTo("DEGRADED");
        assertThat(browser.driver().findElement(By.id("cluster")).getText())
                .contains("(this node)")
                .contains("yes (1 of at least 1)");
        assertThat(browser.driver().findElement(By.id("audit")).getText()).containsPattern("entry \\d+, [0-9a-f]{64}");
        assertThat(browser.driver().findElements(By.cssSelector("#certificates, #no-expiry")))
                .isNotEmpty();
        RU_LIAISON.answer(200);
    }

    /** auditor-1 may read the page (and sees no dead letters); officer-1 is refused it, and that refusal is audited. */
    @Test
    void anAuditorReadsTheOperatorsPageAndAnOfficerIsRefusedIt() {
        browser.signIn("auditor-1");
        browser.open("/console/operations");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Operations");
        assertThat(browser.driver().findElements(By.linkText("Dead letters"))).isEmpty();
        browser.signOut();

        long before = accessEvents();
        browser.signIn("officer-1");
        assertThat(browser.driver().findElements(By.linkText("Operations"))).isEmpty();
        browser.open("/console/operations");

        assertThat(browser.driver().getPageSource()).contains("ACCESS_DENIED");
        assertThat(accessEvents()).isEqualTo(before + 1);
    }

    private long accessEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE step = 'ACCESS'", Long.class);
    }

    private String style(WebElement element, String property) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, property);
    }
}
