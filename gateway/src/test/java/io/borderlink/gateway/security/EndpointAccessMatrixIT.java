package io.borderlink.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevTls;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Least privilege as a matrix: every HTTP endpoint the gateway serves (every Spring MVC mapping, found at run
 * time, plus the CXF services, the actuator endpoints and the contracts) against every caller — an agency
 * system, a partner, an officer, an auditor, an administrator and no certificate at all. An endpoint that
 * appears without a row here fails the build, so no endpoint ships without a rule.
 */
class EndpointAccessMatrixIT extends GatewayTestSupport {

    /** The callers, each with the development identity that plays it. */
    enum Who {
        AGENCY("mn-border"),
        PARTNER("ru-liaison"),
        OFFICER("officer-1"),
        AUDITOR("auditor-1"),
        ADMIN("admin-1"),
        NONE(null);

        final String identity;

        Who(String identity) {
            this.identity = identity;
        }
    }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> PEOPLE = EnumSet.of(Who.OFFICER, Who.AUDITOR, Who.ADMIN);

    /** Who may reach each endpoint; everyone else must be refused. */
    private static final Map<String, Set<Who>> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/v1/exchanges", EnumSet.of(Who.AGENCY)),
            Map.entry("GET /api/v1/exchanges/{exchangeId}", EnumSet.of(Who.AGENCY)),
            Map.entry("GET /api/v1/exchanges/{exchangeId}/receipts/{recipientId}", EnumSet.of(Who.AGENCY)),
            Map.entry("POST /api/v1/policy/dry-run", EnumSet.of(Who.AGENCY, Who.OFFICER)),
            Map.entry("POST /api/v1/policy/dry-run/inbound", EnumSet.of(Who.AGENCY, Who.OFFICER)),
            Map.entry("GET /api/v1/approvals", EnumSet.of(Who.OFFICER, Who.AUDITOR)),
            Map.entry("GET /api/v1/approvals/{shareId}", EnumSet.of(Who.OFFICER, Who.AUDITOR)),
            Map.entry("POST /api/v1/approvals/{shareId}/approve", EnumSet.of(Who.OFFICER)),
            Map.entry("POST /api/v1/approvals/{shareId}/reject", EnumSet.of(Who.OFFICER)),
            Map.entry("POST /api/v1/approvals/{shareId}/narrative", EnumSet.of(Who.OFFICER)),
            Map.entry("GET /api/v1/audit/events", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /api/v1/audit/exchanges/{exchangeId}/timeline", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /api/v1/audit/checkpoints", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /api/v1/audit/retention", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /api/v1/audit/verify", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /api/v1/audit/exports", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /api/v1/audit/holds", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /api/v1/audit/holds/{holdId}/release", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /api/v1/dead-letters", EnumSet.of(Who.ADMIN)),
            Map.entry("GET /api/v1/dead-letters/{shareId}", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /api/v1/dead-letters/{shareId}/resend", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /api/v1/dead-letters/resend", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /api/v1/dead-letters/{shareId}/abandon", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /partners/v1/enforcement-messages", EnumSet.of(Who.PARTNER)),
            Map.entry("POST /services/exchange", EnumSet.of(Who.AGENCY)),
            Map.entry("GET /services/exchange?wsdl", EnumSet.of(Who.AGENCY)),
            Map.entry("POST /services/liaison", EnumSet.of(Who.PARTNER)),
            Map.entry("GET /services/liaison?wsdl", EnumSet.of(Who.PARTNER)),
            Map.entry("GET /console", PEOPLE),
            Map.entry("GET /console/approvals", PEOPLE),
            Map.entry("GET /console/approvals/{shareId}", PEOPLE),
            Map.entry("GET /console/exchanges/{exchangeId}", PEOPLE),
            Map.entry("POST /console/approvals/{shareId}/approve", EnumSet.of(Who.OFFICER)),
            Map.entry("POST /console/approvals/{shareId}/reject", EnumSet.of(Who.OFFICER)),
            Map.entry("POST /console/approvals/{shareId}/narrative", EnumSet.of(Who.OFFICER)),
            Map.entry("GET /console/audit", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /console/audit/exchanges/{exchangeId}", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /console/audit/retention", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /console/audit/verify", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /console/audit/exports", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /console/audit/holds", EnumSet.of(Who.AUDITOR)),
            Map.entry("POST /console/audit/holds/{holdId}/release", EnumSet.of(Who.AUDITOR)),
            Map.entry("GET /console/dead-letters", EnumSet.of(Who.ADMIN)),
            Map.entry("GET /console/dead-letters/{shareId}", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /console/dead-letters/{shareId}/resend", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /console/dead-letters/{shareId}/abandon", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /console/dead-letters/resend", EnumSet.of(Who.ADMIN)),
            Map.entry("GET /actuator/health", EVERYONE),
            Map.entry("GET /actuator/info", EVERYONE),
            Map.entry("GET /actuator/prometheus", EVERYONE),
            Map.entry("GET /actuator/health/liveness", EVERYONE),
            Map.entry("GET /actuator/health/readiness", EVERYONE),
            Map.entry("GET /console/operations", EnumSet.of(Who.AUDITOR, Who.ADMIN)),
            Map.entry("GET /console/file-drop", EnumSet.of(Who.ADMIN)),
            Map.entry("GET /login", EVERYONE),
            Map.entry("GET /v3/api-docs", EVERYONE),
            // The YAML forms are not opened by the security configuration: the JSON ones serve the same.
            Map.entry("GET /v3/api-docs.yaml", EnumSet.noneOf(Who.class)),
            Map.entry("GET /v3/api-docs/swagger-config", EVERYONE),
            Map.entry("GET /v3/api-docs/{group}", EVERYONE),
            Map.entry("GET /v3/api-docs.yaml/{group}", EnumSet.noneOf(Who.class)),
            Map.entry("GET /swagger-ui.html", EVERYONE),
            Map.entry("GET /contracts/openapi/borderlink-api.yaml", EVERYONE),
            Map.entry("GET /error", EVERYONE)));

    /** Served outside Spring MVC's request mappings (CXF, actuator, resources), so listed here by hand. */
    private static final List<String> BEYOND_MVC = List.of(
            "POST /services/exchange",
            "GET /services/exchange?wsdl",
            "POST /services/liaison",
            "GET /services/liaison?wsdl",
            "GET /actuator/health",
            "GET /actuator/info",
            "GET /actuator/prometheus",
            "GET /actuator/health/liveness",
            "GET /actuator/health/readiness",
            "GET /contracts/openapi/borderlink-api.yaml");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARule() {
        assertThat(endpoints())
                .as("endpoints without a row in EndpointAccessMatrixIT.RULES")
                .allSatisfy(endpoint -> assertThat(RULES).containsKey(endpoint));
    }

    @Test
    void everyCallerReachesExactlyWhatItsRoleAllows() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : new TreeSet<>(endpoints())) {
            for (Who who : Who.values()) {
                boolean allowed = RULES.getOrDefault(endpoint, Set.of()).contains(who);
                HttpResponse<String> answer = call(who, endpoint);
                if (refused(answer) == allowed) {
                    wrong.add(endpoint + " as " + who + ": " + answer.statusCode() + " (expected "
                            + (allowed ? "reached" : "refused") + ")");
                }
            }
        }
        assertThat(wrong).as("the access matrix").isEmpty();
    }

    private List<String> endpoints() {
        Set<String> found = new TreeSet<>(BEYOND_MVC);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> found.add(method + " " + pattern));
            }
        }
        return List.copyOf(found);
    }

    /** Refused: 401, 403, or sent to the login page. */
    private static boolean refused(HttpResponse<String> answer) {
        return answer.statusCode() == 401
                || answer.statusCode() == 403
                || answer.statusCode() == 302
                        && answer.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    /**
     * The development form login: its session cookie is strict, a refused sign-in is audited with the user name it
     * tried, and a refusal of a person signed in with a password (no certificate) names that person in the trail.
     */
    @Test
    void auditsRefusedSignInsAndNamesWhoWasRefusedAfterSigningIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .sslContext(DevTls.anonymous())
                .cookieHandler(new CookieManager())
                .build();

        HttpResponse<String> form =
                browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().allValues("Set-Cookie"))
                .as("the session cookie: HTTPS only, out of scripts' reach, never sent cross-site")
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Strict"));

        HttpResponse<String> wrong = signIn(browser, "officer-2", "not-the-password");

        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE step = 'ACCESS' AND outcome = 'REJECTED'"
                                + " AND detail LIKE '%sign-in refused for the user name ''officer-2''%'",
                        String.class))
                .containsExactly("ACCESS_DENIED");

        assertThat(signIn(browser, "auditor-1", "auditor-1").statusCode()).isEqualTo(302);
        String task = UUID.randomUUID().toString();
        String page = browser.send(
                        HttpRequest.newBuilder(uri("/console")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> approve = postForm(browser, "/console/approvals/" + task + "/approve", "reason=x", page);

        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForList(
                        "SELECT actor FROM audit_event WHERE step = 'ACCESS' AND detail LIKE ?",
                        String.class,
                        "%" + task + "%"))
                .containsExactly("auditor-1");
    }

    private HttpResponse<String> signIn(HttpClient browser, String user, String password) throws Exception {
        String form = browser.send(
                        HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return postForm(browser, "/login", "username=" + user + "&password=" + password, form);
    }

    /** Posts a form as the console's pages do, with the CSRF token of the page it came from. */
    private HttpResponse<String> postForm(HttpClient browser, String path, String fields, String page)
            throws Exception {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                        .header("Origin", "https://localhost:" + port)
                        .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(Who who, String endpoint) throws IOException, InterruptedException {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
        SSLContext tls = who.identity == null ? DevTls.anonymous() : DevTls.as(who.identity);
        HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (method.equals("GET")) {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        if (path.startsWith("/console")) {
            String page = client.send(
                            HttpRequest.newBuilder(uri("/console")).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = CSRF.matcher(page);
            String form = "reason=matrix" + (token.find() ? "&_csrf=" + token.group(1) : "");
            return client.send(
                    request.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                            .header("Origin", "https://localhost:" + port)
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        boolean xml = path.startsWith("/services")
                || path.startsWith("/partners")
                || path.startsWith("/api/v1/exchanges")
                || path.startsWith("/api/v1/policy");
        return client.send(
                request.header("Content-Type", xml ? "text/xml" : MediaType.APPLICATION_JSON_VALUE)
                        .POST(HttpRequest.BodyPublishers.ofString(xml ? "<a/>" : "{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static String concrete(String pattern) {
        return pattern.replace("{recipientId}", "RU-LIAISON")
                .replace("{group}", "people")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
