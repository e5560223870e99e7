package dev.lucidscim.camel;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** A YAML DSL route under Camel Main, configured by camel.component.lucid-scim.* properties only. */
class LucidScimYamlMainTest {

    private final WireMockServer lucid = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private final Main main = new Main();

    @BeforeEach
    void start() {
        lucid.start();
        main.configure().withRoutesIncludePattern("classpath:yaml-main/*.camel.yaml");
        main.addInitialProperty("camel.component.lucid-scim.tenant-url", lucid.baseUrl() + "/scim/v2");
        main.addInitialProperty("camel.component.lucid-scim.bearer-token", LucidScimTestSupport.TOKEN);
        main.addInitialProperty("camel.component.lucid-scim.read-timeout", "7s");
        main.addInitialProperty("camel.component.lucid-scim.max-retries", "1");
        main.addInitialProperty("camel.component.lucid-scim.requests-per-second", "50");
    }

    @AfterEach
    void stop() {
        main.stop();
        lucid.stop();
    }

    @Test
    void yamlRouteUpsertsWithPropertiesFromCamelMain() throws Exception {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType("application/scim+json",
                "{\"totalResults\":0,\"Resources\":[]}")));
        lucid.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/scim+json")
                .withBody("{\"id\":\"lucid-77\",\"userName\":\"sam@example.com\"}")));

        main.start();
        CamelContext context = main.getCamelContext();
        LucidScimConfiguration configuration = context.getComponent("lucid-scim", LucidScimComponent.class)
                .getConfiguration();
        assertThat(configuration.getReadTimeout()).isEqualTo(7_000);
        assertThat(configuration.getMaxRetries()).isEqualTo(1);
        assertThat(configuration.getRequestsPerSecond()).isEqualTo(50.0);

        try (ProducerTemplate template = context.createProducerTemplate()) {
            String result = template.requestBody("direct:provision", Map.of("userName", "sam@example.com",
                    "emails", List.of(Map.of("value", "sam@example.com", "primary", true))), String.class);
            assertThat(result).isEqualTo("created lucid-77 sam@example.com");
        }
        lucid.verify(getRequestedFor(urlPathEqualTo("/scim/v2/Users"))
                .withQueryParam("filter", equalTo("userName eq \"sam@example.com\""))
                .withHeader("Authorization", equalTo("Bearer " + LucidScimTestSupport.TOKEN)));
        lucid.verify(postRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    }
}
