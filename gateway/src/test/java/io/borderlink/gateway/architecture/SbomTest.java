package io.borderlink.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build writes a CycloneDX SBOM of what the gateway jar carries (META-INF/sbom/application.cdx.json), so
 * an operator can match the deployed libraries against advisories: it must name what is shipped, and nothing
 * that only the tests use.
 */
class SbomTest {

    @Test
    void namesTheShippedLibrariesAndNoTestOnlyOnes() throws IOException {
        JsonNode sbom;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
            assertThat(in).as("the SBOM the build writes into the jar").isNotNull();
            sbom = new ObjectMapper().readTree(in);
        }
        List<String> components = new ArrayList<>();
        sbom.get("components")
                .forEach(c -> components.add(
                        c.get("group").asText() + ":" + c.get("name").asText()));

        assertThat(sbom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(components)
                .contains(
                        "org.apache.santuario:xmlsec",
                        "org.bouncycastle:bcprov-jdk18on",
                        "org.apache.cxf:cxf-core",
                        "com.hazelcast:hazelcast",
                        "io.borderlink:borderlink-crypto")
                .noneMatch(c -> c.startsWith("org.junit")
                        || c.startsWith("org.wiremock")
                        || c.equals("io.borderlink:borderlink-testkit")
                        || c.startsWith("org.seleniumhq"));
    }
}
