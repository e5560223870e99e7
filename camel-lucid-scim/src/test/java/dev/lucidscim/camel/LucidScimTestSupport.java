package dev.lucidscim.camel;

import java.util.HashMap;
import java.util.Map;

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lucidscim.model.ScimJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel context whose lucid-scim component talks to a WireMock "Lucid" on loopback, with short retry delays. Tests
 * stub exact answers and verify exact requests.
 */
public abstract class LucidScimTestSupport extends CamelTestSupport {

    public static final String TOKEN = TestTokens.COMPONENT;
    public static final String SCIM_JSON = "application/scim+json";

    @RegisterExtension
    protected static WireMockExtension lucid = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LucidScimComponent component = new LucidScimComponent();
        LucidScimConfiguration configuration = component.getConfiguration();
        configuration.setTenantUrl(tenantUrl());
        configuration.setBearerToken(TOKEN);
        configuration.setRetryInitialDelay(10);
        configuration.setRetryMaxDelay(40);
        configuration.setReadTimeout(5_000);
        context.addComponent("lucid-scim", component);
        return context;
    }

    protected static String tenantUrl() {
        return lucid.baseUrl() + "/scim/v2";
    }

    /** Sends a body and headers to an endpoint and returns the exchange, failed or not. */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    protected Exchange call(String uri, Object body) {
        return call(uri, body, Map.of());
    }

    protected static String json(Object value) {
        return ScimJson.toJson(value);
    }

    protected static void assertNoRequestSent() {
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).as("requests sent to Lucid").isEmpty();
    }

    /**
     * Stubs the request to answer with each response in turn; the last one is repeated for every further request.
     */
    protected static void answerInTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i + 1 < responses.length ? "answer " + (i + 2) : state;
            lucid.stubFor(request.get().inScenario("in turn").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    protected static LoggedRequest onlyRequest(RequestPatternBuilder pattern) {
        var requests = lucid.findAll(pattern);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
