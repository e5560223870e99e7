package dev.lucidscim.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer token appears nowhere but in the Authorization header: not in logs at TRACE (the component's and
 * Camel's), exception messages, toString()s, or the endpoint URIs Camel shows, even when the token is written into
 * an endpoint URI.
 */
class LucidScimTokenSecrecyTest extends LucidScimTestSupport {

    private static final String URI_TOKEN = "uri-tok-Q8wE3rT6yU1i";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create")
                        .to("log:before?showAll=true&level=DEBUG")
                        .to("lucid-scim:users?operation=create&bearerToken=RAW(" + URI_TOKEN + ")")
                        .to("log:after?showAll=true&level=DEBUG");
            }
        };
    }

    @Test
    void tokenIsNeverShown() throws Exception {
        List<String> shown = new ArrayList<>();
        try (LogCapture logs = new LogCapture(Level.TRACE, "dev.lucidscim", "org.apache.camel", "log")) {
            lucid.stubFor(post(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(401)
                    .withBody("{\"detail\":\"Invalid token\"}")));
            lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users/lucid-1")).willReturn(aResponse().withStatus(503)));

            ScimUser user = ScimUser.builder().userName("jane@example.com").email("jane@example.com").build();
            Exchange viaUriToken = template.request("direct:create", e -> e.getMessage().setBody(user));
            Exchange viaComponentToken = call("lucid-scim:users?operation=get&maxRetries=2", null,
                    Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));

            assertThat(viaUriToken.getException()).isNotNull();
            assertThat(viaComponentToken.getException()).isNotNull();
            for (Exchange exchange : List.of(viaUriToken, viaComponentToken)) {
                Throwable failure = exchange.getException();
                while (failure != null) {
                    shown.add(failure.toString());
                    failure = failure.getCause();
                }
                shown.add(exchange.getMessage().getHeaders().toString());
            }
            // toString() is how Camel shows endpoints (masked by option name). getEndpointUri() stays the URI as the
            // route wrote it: it is the endpoint's identity, not a display.
            context.getEndpoints().forEach(endpoint -> shown.add(endpoint.toString()));
            LucidScimEndpoint endpoint = (LucidScimEndpoint) context.getEndpoints().stream()
                    .filter(e -> e instanceof LucidScimEndpoint).findFirst().orElseThrow();
            shown.add(endpoint.getConfiguration().toString());
            shown.add(endpoint.getClient().toString());
            shown.add(logs.text());

            assertThat(logs.text()).as("something was logged").contains("POST /Users -> 401");
        }
        // Lucid did receive the tokens: the test would be meaningless otherwise.
        assertThat(lucid.getAllServeEvents()).anySatisfy(event -> assertThat(
                event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + URI_TOKEN));
        assertThat(lucid.getAllServeEvents()).anySatisfy(event -> assertThat(
                event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(String.join("\n", shown)).doesNotContain(TOKEN).doesNotContain(URI_TOKEN);
    }
}
