package dev.lucidscim.camel.hardening;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.model.ScimSchemas;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A WireMock "Lucid" on loopback and a Camel context whose lucid-scim component talks to it, shared by all the
 * generated inputs of a test class: {@link LucidScimTestSupport} starts both for each test, which a thousand inputs
 * would spend their time on. A test class starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}.
 */
final class HostileLucid implements AutoCloseable {

    /** No try may hang: well above the component's own read timeout, well below a stuck build. */
    private static final Duration HANG = Duration.ofSeconds(15);

    static final String USER = "{\"schemas\":[\"" + ScimSchemas.CORE_USER + "\"],\"id\":\"lucid-1\","
                               + "\"userName\":\"jane@example.com\",\"active\":true}";

    private final WireMockServer wireMock;
    private final CamelContext camel;
    private final ProducerTemplate template;

    private HostileLucid(WireMockServer wireMock, CamelContext camel) {
        this.wireMock = wireMock;
        this.camel = camel;
        this.template = camel.createProducerTemplate();
    }

    static HostileLucid start() {
        WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        LucidScimComponent component = new LucidScimComponent();
        LucidScimConfiguration configuration = component.getConfiguration();
        configuration.setTenantUrl(wireMock.baseUrl() + "/scim/v2");
        configuration.setBearerToken(LucidScimTestSupport.TOKEN);
        // One request per try: the answers are final, and a retry would only blur what a try sent.
        configuration.setMaxRetries(0);
        configuration.setReadTimeout(5_000);
        CamelContext camel = new DefaultCamelContext();
        camel.disableJMX();
        camel.addComponent("lucid-scim", component);
        camel.start();
        return new HostileLucid(wireMock, camel);
    }

    /** A 200 with a valid user, as Lucid answers a get. */
    static ResponseDefinitionBuilder userAnswer() {
        return aResponse().withStatus(200).withHeader("Content-Type", LucidScimTestSupport.SCIM_JSON).withBody(USER);
    }

    WireMockServer wireMock() {
        return wireMock;
    }

    /** Sends a body and headers to an endpoint and returns the exchange, failed or not; fails the try if it hangs. */
    Exchange call(String uri, Object body, Map<String, Object> headers) {
        return assertTimeoutPreemptively(HANG, () -> template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        }), () -> uri + " did not return within " + HANG);
    }

    @Override
    public void close() {
        camel.stop();
        wireMock.stop();
    }
}
