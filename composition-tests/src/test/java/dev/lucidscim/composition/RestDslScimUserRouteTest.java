package dev.lucidscim.composition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST DSL on camel-platform-http (Vert.x) in front of Lucid: {@code POST /people} binds the caller's JSON to a
 * {@link ScimUser} and answers Lucid's created user through the JSON binding (camel-jackson); {@code GET
 * /people/{id}} answers the component's body as it is, which Camel writes through the component's type converters.
 * Both answers must be the SCIM JSON Lucid holds, and neither may show the password the caller sent.
 */
class RestDslScimUserRouteTest extends LucidCompositionTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().component("platform-http").bindingMode(RestBindingMode.json);

                rest("/people")
                        .post().type(ScimUser.class).outType(ScimUser.class).to("direct:provision")
                        .get("/{id}").bindingMode(RestBindingMode.off).to("direct:find");

                from("direct:provision")
                        .to("lucid-scim:users?operation=upsert")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, header(LucidScimConstants.STATUS_CODE));

                from("direct:find")
                        .setHeader(LucidScimConstants.RESOURCE_ID, header("id"))
                        .to("lucid-scim:users?operation=get")
                        .removeHeaders("CamelLucidScim*");
            }
        };
    }

    @Test
    void aPostedUserIsCreatedAndBothAnswersAreTheScimJsonLucidHoldsWithoutThePassword() throws Exception {
        // the caller's JSON, as the HR system sends it: with an initial password
        String posted = ScimJson.toJson(person("ada@example.com", "Analyst").toBuilder().password(PASSWORD).build());

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/people"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(posted)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode held = lucidUser("ada@example.com");
        assertThat(lucid.requests().matching(request -> request.method().equals("POST")).get(0).body())
                .as("the password reached Lucid").contains(PASSWORD);
        assertAnswersAsLucidHolds(created);

        HttpResponse<String> found = http.send(HttpRequest.newBuilder(uri("/people/" + held.path("id").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertAnswersAsLucidHolds(found);
    }

    private void assertAnswersAsLucidHolds(HttpResponse<String> answer) throws Exception {
        assertThat(answer.body()).doesNotContain(PASSWORD).doesNotContain("password");
        JsonNode answered = JSON.readTree(answer.body());
        assertThat(answered.path("meta").path("created").isTextual()).as("an ISO-8601 date").isTrue();
        assertAsLucidHolds(answered);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
