package io.borderlink.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.Browser;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The auditors' retention page in a real, headless Chromium: an exchange whose retention ran out is listed
 * as due; auditor-1 holds it with a reason (then it is listed as held, with a release form), and releases
 * it again. Run with {@code -Pbrowser}.
 */
@TestPropertySource(
        properties = {
            "borderlink.retention.rules[0].id=test-liaison",
            "borderlink.retention.rules[0].when.partners[0]=RU-LIAISON",
            "borderlink.retention.rules[0].keep=0s",
            "borderlink.evidence.rewrap-interval=1h"
        })
class RetentionConsoleBrowserIT extends GatewayTestSupport {

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

    @Test
    void auditorSeesAnUpcomingPurgeHoldsTheExchangeAndReleasesIt() {
        UUID id = delivered(Samples.borderIncidentFromBorderPolice());

        browser.signIn("auditor-1");
        browser.open("/console/audit/retention");
        assertThat(row("due-" + id).getText()).contains("test-liaison").contains("due now");

        browser.driver().findElement(By.id("hold-exchange")).sendKeys(id.toString());
        browser.driver().findElement(By.id("hold-reason")).sendKeys("Court order 17/2026");
        browser.driver().findElement(By.id("hold-submit")).click();

        browser.awaitNotice("set on " + id);
        assertThat(row("hold-" + id).getText()).contains("Court order 17/2026").contains("auditor-1");
        assertThat(row("due-" + id).getText()).contains("held");

        WebElement release = row("hold-" + id);
        release.findElement(By.name("reason")).sendKeys("Order lifted");
        release.findElement(By.tagName("button")).click();

        browser.awaitNotice("released");
        assertThat(browser.driver().findElements(By.id("hold-" + id))).isEmpty();
    }

    private WebElement row(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private UUID delivered(byte[] sample) {
        Exchange exchange = fresh(sample);
        UUID id = exchange.header().exchangeId();
        assertThat(agency("mn-border").submit(protect(exchange, "mn-border")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM share WHERE exchange_id = ? AND state NOT IN"
                                        + " ('DELIVERED', 'DENIED', 'REJECTED', 'ABANDONED', 'EXPIRED')",
                                Long.class,
                                id)
                        == 0);
        return id;
    }
}
