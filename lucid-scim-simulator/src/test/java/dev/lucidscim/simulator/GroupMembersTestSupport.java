package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

/** Three users and an empty group "Engineering" before each test, and PATCHes of that group. */
abstract class GroupMembersTestSupport extends SimulatorTestSupport {

    protected String jane;
    protected String john;
    protected String jill;
    protected String group;

    @BeforeEach
    void seedUsersAndGroup() {
        jane = simulator.seedUser(Scim.user("jane@example.com"));
        john = simulator.seedUser(Scim.user("john@example.com"));
        jill = simulator.seedUser(Scim.user("jill@example.com"));
        group = simulator.seedGroup(Scim.group("Engineering"));
    }

    protected ScimClient.Response patch(String... operations) {
        return scim.patch("/Groups/" + group, Scim.patch(operations));
    }

    protected void patchOk(String... operations) {
        ScimClient.Response response = patch(operations);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    protected List<String> memberIds() {
        ScimClient.Response response = scim.get("/Groups/" + group);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("members").findValuesAsText("value");
    }
}
