package io.borderlink.gateway.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.PartnerFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The people's files changed on disk are applied without a restart: an officer withdrawn is refused at their next
 * request, by certificate or in the console session they hold, and is back once their file is; a bad change is
 * refused, audited, and the people in force stay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleReloadIT extends GatewayTestSupport {

    private static final Path PEOPLE = PartnerFolders.copyOf(Path.of("config/people"));
    private static final String OFFICER_2 = read(PEOPLE.resolve("officer-2.yml"));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    private People people;

    @DynamicPropertySource
    static void peopleOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        registry.add("borderlink.config.people", PEOPLE::toString);
        registry.add("borderlink.config.watch-interval", () -> "200ms");
    }

    @Test
    @Order(1)
    void anOfficerWithdrawnFromThePeopleFilesIsRefusedAtTheNextRequestAndBackOnceTheirFileIs() throws Exception {
        GatewayClient byCertificate = agency("officer-2");
        HttpClient bySession = signedInWithAPassword("officer-2");
        assertThat(byCertificate.get("/api/v1/approvals").statusCode()).isEqualTo(200);
        assertThat(console(bySession).statusCode()).isEqualTo(200);

        Files.delete(PEOPLE.resolve("officer-2.yml"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> people.current().find("officer-2").isEmpty());

        HttpResponse<String> withdrawn = byCertificate.get("/api/v1/approvals");
        assertThat(withdrawn.statusCode()).isEqualTo(403);
        assertThat(withdrawn.body()).contains("ACCESS_DENIED");
        HttpResponse<String> session = console(bySession);
        assertThat(session.statusCode()).as("the session they hold ends").isEqualTo(403);
        assertThat(session.body()).contains("ACCESS_DENIED");
        assertThat(console(bySession).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE code = 'ACCESS_DENIED' AND detail LIKE"
                                + " '%officer-2 was opened for a registration the people files no longer hold%'",
                        Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'OK'", String.class))
                .anySatisfy(detail -> assertThat(detail)
                        .startsWith("applied people configuration: ")
                        .doesNotContain("officer-2"));

        PartnerFolders.write(PEOPLE, "officer-2.yml", OFFICER_2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> people.current().find("officer-2").isPresent());
        assertThat(byCertificate.get("/api/v1/approvals").statusCode()).isEqualTo(200);
    }

    /** officer-1's certificate registered to officer-2 as well: refused whole, the people in force kept. */
    @Test
    @Order(2)
    void refusesACertificateRegisteredToTwoPeopleAndKeepsThePeopleInForce() {
        PartnerFolders.edit(PEOPLE, "officer-2.yml", yaml -> yaml.replace("officer-2.crt.pem", "officer-1.crt.pem"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'REJECTED'"
                                + " AND code = 'CONFIGURATION_INVALID'",
                        String.class)
                .isEmpty());
        assertThat(agency("officer-1").get("/api/v1/approvals").statusCode()).isEqualTo(200);
        assertThat(agency("officer-2").get("/api/v1/approvals").statusCode()).isEqualTo(200);
    }

    /** A session of the development form login, opened as the sign-in page does (its CSRF token included). */
    private HttpClient signedInWithAPassword(String person) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .sslContext(DevTls.anonymous())
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Matcher token = CSRF.matcher(
                browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://localhost:" + port)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + person + "&password=" + person + "&_csrf=" + token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return browser;
    }

    private HttpResponse<String> console(HttpClient client) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri("/console/approvals")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
