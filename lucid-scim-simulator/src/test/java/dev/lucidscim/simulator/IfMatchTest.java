package dev.lucidscim.simulator;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write of a user or a group with a stale {@code If-Match} is answered 412 with a SCIM error and changes
 * nothing; the current version lets it through. In Lucid's dialect here, in the standard one in
 * {@link IfMatchStandardDialectTest}.
 */
class IfMatchTest extends SimulatorTestSupport {

    private static String version(String path) {
        return scim.get(path).json().at("/meta/version").asText();
    }

    /** The write with the version before a change made meanwhile: 412, nothing written; then with the current one. */
    private static void staleThenCurrent(String path, Function<ScimClient, ScimClient.Response> write,
                                         String meanwhile, int expectedStatus) {
        String planned = version(path);
        assertThat(scim.patch(path, meanwhile).status()).isEqualTo(200);
        String current = version(path);
        String before = scim.get(path).json().toString();

        ScimClient.Response stale = write.apply(scim.withIfMatch(planned));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(stale.json().path("status").asText()).isEqualTo("412");
        assertThat(scim.get(path).json().toString()).as("nothing written").isEqualTo(before);
        assertThat(write.apply(scim.withIfMatch(current)).status()).isEqualTo(expectedStatus);
    }

    private static String retitle(String title) {
        return Scim.patch(Scim.op("replace", "title", "\"" + title + "\""));
    }

    private static String rename(String displayName) {
        return Scim.patch(Scim.op("replace", "displayName", "\"" + displayName + "\""));
    }

    @Test
    void aUserPatchWithAStaleIfMatchIs412() {
        String path = "/Users/" + simulator.seedUser(Scim.user("jane@example.com"));

        staleThenCurrent(path, client -> client.patch(path, retitle("Intern")), retitle("Boss"), 200);
    }

    @Test
    void aUserPutWithAStaleIfMatchIs412() {
        String path = "/Users/" + simulator.seedUser(Scim.user("jane@example.com"));

        staleThenCurrent(path, client -> client.put(path, Scim.userNode("jane@example.com").put("title", "Intern")
                .toString()), retitle("Boss"), 200);
    }

    @Test
    void aUserDeleteWithAStaleIfMatchIs412() {
        String path = "/Users/" + simulator.seedUser(Scim.user("jane@example.com"));

        staleThenCurrent(path, client -> client.delete(path), retitle("Boss"), 204);
    }

    @Test
    void aGroupMembershipPatchWithAStaleIfMatchIs412() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String path = "/Groups/" + simulator.seedGroup(Scim.group("Engineering"));

        staleThenCurrent(path, client -> client.patch(path, Scim.patch(Scim.op("add", "members",
                Scim.memberValues(jane)))), rename("Platform"), 200);
    }

    @Test
    void aGroupAttributePatchWithAStaleIfMatchIs412() {
        String path = "/Groups/" + simulator.seedGroup(Scim.group("Engineering"));

        staleThenCurrent(path, client -> client.patch(path, rename("Core")), rename("Platform"), 200);
    }

    @Test
    void aGroupPutWithAStaleIfMatchIs412() {
        String path = "/Groups/" + simulator.seedGroup(Scim.group("Engineering"));

        staleThenCurrent(path, client -> client.put(path, Scim.group("Core")), rename("Platform"), 200);
    }

    @Test
    void aGroupDeleteWithAStaleIfMatchIs412() {
        String path = "/Groups/" + simulator.seedGroup(Scim.group("Engineering"));

        staleThenCurrent(path, client -> client.delete(path), rename("Platform"), 204);
    }
}
