package dev.lucidscim.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lucidscim.model.ScimUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer token appears nowhere but in the Authorization header: not in logs at TRACE (the component's and
 * Camel's), exception messages, toString()s, the endpoint URIs Camel shows, JMX attributes or route dumps, even when
 * the token is given to an endpoint URI (through a placeholder, as a route should).
 */
class LucidScimTokenSecrecyTest extends LucidScimTestSupport {

    private static final String URI_TOKEN = TestTokens.IN_URI;

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withEnableJMX();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // As a route should: the URI names a placeholder, the value comes from configuration.
        context.getPropertiesComponent().addInitialProperty("lucid.bearerToken", URI_TOKEN);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create")
                        .to("log:before?showAll=true&level=DEBUG")
                        .to("lucid-scim:users?operation=create&bearerToken=RAW({{lucid.bearerToken}})")
                        .to("log:after?showAll=true&level=DEBUG");
            }
        };
    }

    @Test
    void tokenIsNeverShown() throws Exception {
        List<String> shown = new ArrayList<>();
        String resolvedRouteDump;
        String logText;
        try (LogCapture logs = new LogCapture(Level.TRACE, "dev.lucidscim", "org.apache.camel", "log",
                "jdk.httpclient")) {
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
            // toString() is how Camel shows endpoints (masked by option name). getEndpointUri() stays the URI as
            // resolved: it is the endpoint's identity, not a display.
            context.getEndpoints().forEach(endpoint -> shown.add(endpoint.toString()));
            LucidScimEndpoint endpoint = (LucidScimEndpoint) context.getEndpoints().stream()
                    .filter(e -> e instanceof LucidScimEndpoint).findFirst().orElseThrow();
            shown.add(endpoint.getConfiguration().toString());
            shown.add(endpoint.getClient().toString());
            shown.addAll(managedAttributes());
            shown.add(routeDump(false));
            resolvedRouteDump = routeDump(true);
            shown.addAll(healthReports());
            logText = logs.text();

            assertThat(logText).as("something was logged").contains("POST /Users -> 401")
                    .contains("jdk.httpclient.HttpClient - REQUEST");
        }
        // Lucid did receive the tokens: the test would be meaningless otherwise.
        assertThat(lucid.getAllServeEvents()).anySatisfy(event -> assertThat(
                event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + URI_TOKEN));
        assertThat(lucid.getAllServeEvents()).anySatisfy(event -> assertThat(
                event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(String.join("\n", shown)).doesNotContain(TOKEN).doesNotContain(URI_TOKEN);
        // A dump that resolves placeholders prints a URI token as Camel resolved it; the component's token is in none.
        assertThat(resolvedRouteDump).doesNotContain(TOKEN);
        // Camel's own printers of resolved values stay at INFO (log4j2-test.properties and SECURITY.md say why).
        assertThat(logText).doesNotContain(TOKEN).doesNotContain(URI_TOKEN);
    }

    /** Every readable attribute of every Camel MBean, and their names. */
    private List<String> managedAttributes() throws Exception {
        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        List<String> shown = new ArrayList<>();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:*"), null);
        assertThat(names).as("Camel MBeans").isNotEmpty()
                .anySatisfy(name -> assertThat(name.toString()).contains("type=endpoints").contains("lucid-scim"));
        for (ObjectName name : names) {
            shown.add(name.toString());
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                try {
                    shown.add(name + " " + attribute.getName() + "=" + jmx.getAttribute(name, attribute.getName()));
                } catch (Exception | LinkageError notReadable) {
                    // some attributes need optional modules; what cannot be read cannot show a token
                }
            }
        }
        return shown;
    }

    /** The routes as the context dumps them over JMX, with placeholders as written or resolved. */
    private String routeDump(boolean resolvePlaceholders) throws Exception {
        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName camel = jmx.queryNames(new ObjectName("org.apache.camel:type=context,*"), null).iterator().next();
        String dump = (String) jmx.invoke(camel, "dumpRoutesAsXml", new Object[] { resolvePlaceholders },
                new String[] { "boolean" });
        assertThat(dump).as("route dump").contains("lucid-scim:users");
        return dump;
    }

    /** The producers' health checks, with every detail. */
    private List<String> healthReports() {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.setExposureLevel("full");
        health.getRepository("producers").orElseThrow().setEnabled(true);
        List<String> reports = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:lucid-scim"))
                .map(result -> result.getCheck().getId() + " " + result.getState() + " " + result.getDetails() + " "
                               + result.getMessage().orElse("") + " " + result.getError().map(Throwable::toString)
                                       .orElse(""))
                .toList();
        assertThat(reports).as("health reports of the lucid-scim producers").isNotEmpty();
        return reports;
    }
}
