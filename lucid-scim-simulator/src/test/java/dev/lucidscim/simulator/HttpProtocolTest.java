package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP-level behaviour: content types, bad bodies, unknown paths and methods, ETags. */
class HttpProtocolTest extends SimulatorTestSupport {

    @Test
    void answersAreScimJson() {
        assertThat(scim.post("/Users", Scim.user("jane@example.com")).header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        assertThat(scim.get("/Users").header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        assertThat(scim.withAuthorization(null).get("/Users").header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
    }

    @Test
    void postReturnsTheLocationHeader() {
        ScimClient.Response created = scim.post("/Users", Scim.user("jane@example.com"));

        assertThat(created.header("Location")).hasValue(simulator.baseUrl() + "/Users/lucid-1001");
    }

    @Test
    void anUnknownPathIs404() {
        ScimClient.Response response = scim.get("/Teams");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[]", "\"a string\""})
    void aBodyThatIsNotAJsonObjectIs400(String body) {
        ScimClient.Response response = scim.post("/Users", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void anUnknownPatchOpIs400() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));

        ScimClient.Response response = scim.patch("/Users/" + jane, Scim.patch(Scim.op("frobnicate", "title",
                "\"x\"")));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void requiredAttributesCannotBeRemoved() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String group = simulator.seedGroup(Scim.group("Engineering"));

        assertThat(scim.patch("/Users/" + jane, Scim.patch(Scim.op("remove", "userName", null))).status())
                .isEqualTo(400);
        assertThat(scim.patch("/Groups/" + group, Scim.patch(Scim.op("remove", "displayName", null))).status())
                .isEqualTo(400);
        assertThat(scim.put("/Groups/" + group, "{\"schemas\":[\"" + Scim.GROUP_SCHEMA + "\"]}").status())
                .isEqualTo(400);
        assertThat(simulator.group(group).orElseThrow().path("displayName").asText()).isEqualTo("Engineering");
    }

    @Test
    void theEtagFollowsTheVersion() throws Exception {
        ScimClient.Response created = scim.post("/Users", Scim.user("jane@example.com"));
        String version = created.json().at("/meta/version").asText();
        assertThat(created.header("ETag")).hasValue(version);
        assertThat(scim.get("/Users/lucid-1001").header("ETag")).hasValue(version);

        ScimClient.Response patched = scim.patch("/Users/lucid-1001", Scim.patch(Scim.op("replace", "title",
                "\"Boss\"")));
        String newVersion = patched.json().at("/meta/version").asText();
        assertThat(newVersion).isNotEqualTo(version);
        assertThat(scim.get("/Users/lucid-1001").header("ETag")).hasValue(newVersion);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() throws Exception {
        ScimClient.Response created = scim.post("/Users", Scim.user("jane@example.com"));
        String version = created.json().at("/meta/version").asText();
        scim.patch("/Users/lucid-1001", Scim.patch(Scim.op("replace", "title", "\"Boss\"")));

        ScimClient.Response stale = scim.withIfMatch(version).put("/Users/lucid-1001",
                Scim.userNode("jane@example.com").put("title", "Intern").toString());

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(simulator.user("lucid-1001").orElseThrow().path("title").asText()).isEqualTo("Boss");

        String current = scim.get("/Users/lucid-1001").json().at("/meta/version").asText();
        ScimClient.Response fresh = scim.withIfMatch(current).put("/Users/lucid-1001",
                Scim.userNode("jane@example.com").put("title", "Intern").toString());
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(simulator.user("lucid-1001").orElseThrow().path("title").asText()).isEqualTo("Intern");
    }

    /** Lucid answers an unsupported method; the simulator must too, and log it, rather than drop the connection. */
    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "HEAD", "TRACE"})
    void anUnsupportedMethodIsAnsweredAndLogged(String method) throws Exception {
        ScimClient.Response response = scim.send(method, "/Users", null, null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(simulator.requests().all()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo(method);
            assertThat(request.status()).isEqualTo(405);
        });
    }
}
