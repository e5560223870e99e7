package dev.lucidscim.composition;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.model.Passwords;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Lucid simulator on loopback per test class, and a Camel context per test whose {@code lucid-scim} component
 * points at it. The simulator is emptied after each test (not before: the context, and so a consumer, starts before
 * a test's own set-up runs).
 */
abstract class LucidCompositionTestSupport extends CamelTestSupport {

    static final String PASSWORD = "Initial-Passw0rd-7";
    /** A plain Jackson mapper, as a reader of the routes' files and answers would have. */
    static final ObjectMapper JSON = new ObjectMapper();

    static LucidScimSimulator lucid;

    @BeforeAll
    static void startLucid() {
        lucid = LucidScimSimulator.builder().build().start();
    }

    @AfterAll
    static void stopLucid() {
        lucid.stop();
    }

    @AfterEach
    void emptyLucid() {
        lucid.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LucidScimComponent component = new LucidScimComponent();
        LucidScimConfiguration configuration = component.getConfiguration();
        configuration.setTenantUrl(lucid.baseUrl());
        configuration.setBearerToken(lucid.token());
        // retries stay in the tests' time budget
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(100);
        context.addComponent("lucid-scim", component);
        return context;
    }

    /** A person as an HR feed describes one: names, a work e-mail as userName, an employee id, a title. */
    static ScimUser person(String userName, String title) {
        String local = userName.substring(0, userName.indexOf('@'));
        return ScimUser.builder().userName(userName).email(userName).externalId("E-" + local)
                .name(capitalized(local), "Example").title(title).build();
    }

    /** Seeds a user into Lucid directly (not through the route); returns its Lucid id. */
    static String seedUser(String userName) {
        return lucid.seedUser(Map.of("userName", userName, "emails", List.of(Map.of("value", userName))));
    }

    /** The user as Lucid holds it, deactivated users included. */
    static JsonNode lucidUser(String userName) {
        return lucid.userByUserName(userName).orElseThrow(() -> new AssertionError(userName + " is not in Lucid"));
    }

    /**
     * Asserts that a user a route wrote (a file, an HTTP answer) is, attribute for attribute, the user Lucid holds
     * under its id, as the component's model reads and writes it (the model leaves empty lists out, say).
     */
    static void assertAsLucidHolds(JsonNode written) {
        JsonNode held = lucid.user(written.path("id").asText()).orElseThrow(() -> new AssertionError(
                "Lucid holds no user " + written.path("id")));
        ObjectNode compared = written.deepCopy();
        // meta.location is the one attribute Lucid adds as it answers, not one it stores
        ((ObjectNode) compared.path("meta")).remove("location");
        // the simulator stores a password sent to it, as Lucid does, but never answers it
        assertThat(compared).as(written.path("userName").asText())
                .isEqualTo(Passwords.remove(ScimJson.toTree(ScimJson.convert(held, ScimUser.class))));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
