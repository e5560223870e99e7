package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lucid's filter dialect: a single eq comparison, everything else 400 invalidFilter. */
class FilterTest extends SimulatorTestSupport {

    private String jane;
    private String john;
    private String jill;

    @BeforeEach
    void seed() {
        ObjectNode janeNode = Scim.userNode("Jane.Doe@Example.com");
        janeNode.put("externalId", "ext-1");
        jane = simulator.seedUser(janeNode.toString());
        ObjectNode johnNode = Scim.userNode("jsmith");
        johnNode.putArray("emails").addObject().put("value", "John.Smith@example.com").put("type", "work");
        johnNode.put("externalId", "EXT-1");
        john = simulator.seedUser(johnNode.toString());
        jill = simulator.seedUser(Scim.user("jill@example.com"));
    }

    @Test
    void userNameEqIgnoresCase() {
        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", "userName eq \"jane.doe@example.com\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.LIST_RESPONSE);
        assertThat(response.resourceIds()).containsExactly(jane);
        assertThat(response.totalResults()).isEqualTo(1);
        assertThat(scim.get(ScimClient.filtered("/Users", "userName eq \"JANE.DOE@EXAMPLE.COM\"")).resourceIds())
                .containsExactly(jane);
    }

    @Test
    void noMatchIsAnEmptyList() {
        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", "userName eq \"nobody@example.com\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.totalResults()).isZero();
        assertThat(response.resources()).isEmpty();
    }

    @Test
    void emailsValueEqIgnoresCase() {
        ScimClient.Response response = scim.get(ScimClient.filtered("/Users",
                "emails.value eq \"john.smith@EXAMPLE.com\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly(john);
        assertThat(response.totalResults()).isEqualTo(1);
    }

    @Test
    void externalIdEqIsCaseExact() {
        assertThat(scim.get(ScimClient.filtered("/Users", "externalId eq \"ext-1\"")).resourceIds())
                .containsExactly(jane);
        assertThat(scim.get(ScimClient.filtered("/Users", "externalId eq \"EXT-1\"")).resourceIds())
                .containsExactly(john);
        assertThat(scim.get(ScimClient.filtered("/Users", "externalId eq \"Ext-1\"")).totalResults()).isZero();
    }

    @Test
    void externalIdSharedByUsersFindsThemAll() {
        ObjectNode other = Scim.userNode("other@example.com");
        other.put("externalId", "ext-1");
        String otherId = simulator.seedUser(other.toString());

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", "externalId eq \"ext-1\""));

        assertThat(response.resourceIds()).containsExactly(jane, otherId);
        assertThat(response.totalResults()).isEqualTo(2);
    }

    @Test
    void anUnindexedCoreAttributeIsEvaluated() {
        String hank = simulator.seedUser(Scim.userNode("hank@example.com").put("title", "CTO").toString());

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", "title eq \"CTO\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly(hank);
    }

    @Test
    void groupDisplayNameEqIsCaseSensitive() {
        String engineering = simulator.seedGroup(Scim.group("Engineering"));
        simulator.seedGroup(Scim.group("Sales"));

        ScimClient.Response response = scim.get(ScimClient.filtered("/Groups", "displayName eq \"Engineering\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly(engineering);
        assertThat(response.totalResults()).isEqualTo(1);
        assertThat(scim.get(ScimClient.filtered("/Groups", "displayName eq \"engineering\"")).totalResults())
                .isZero();
    }

    @Test
    void aValueWithCharactersThatNeedNoEscapeIsFound() {
        String odd = simulator.seedGroup(Scim.group("R&D + Ops (it's 100%)"));

        ScimClient.Response response = scim.get(ScimClient.filtered("/Groups",
                "displayName eq \"R&D + Ops (it's 100%)\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly(odd);
    }

    /**
     * RFC 7644 filter strings are JSON strings: {@code "} and {@code \} are escaped inside them, and the component
     * escapes them. The SCIM library's filter grammar has no escapes: a string ends at the first quote and the rest of
     * the filter is ignored, so {@code "Team \"West\""} is read as {@code Team \} and finds the wrong group.
     */
    @Test
    void anEscapedQuoteInAFilterValueMatchesAQuoteInTheName() {
        String quoted = simulator.seedGroup(Scim.group("Team \"West\""));
        simulator.seedGroup(Scim.group("Team \\"));
        String quotedUser = simulator.seedUser(Scim.user("a\"b@example.com"));
        simulator.seedUser(Scim.user("a\\"));

        ScimClient.Response response = scim.get(ScimClient.filtered("/Groups", "displayName eq \"Team \\\"West\\\"\""));
        ScimClient.Response users = scim.get(ScimClient.filtered("/Users", "userName eq \"a\\\"b@example.com\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly(quoted);
        assertThat(users.resourceIds()).containsExactly(quotedUser);
    }

    @Test
    void anEscapedBackslashInAFilterValueMatchesABackslashInTheName() {
        String slashed = simulator.seedGroup(Scim.group("Lab \\ North"));
        String user = simulator.seedUser(Scim.user("back\\slash@example.com"));

        ScimClient.Response group = scim.get(ScimClient.filtered("/Groups", "displayName eq \"Lab \\\\ North\""));
        ScimClient.Response users = scim.get(ScimClient.filtered("/Users",
                "userName eq \"back\\\\slash@example.com\""));

        assertThat(group.resourceIds()).containsExactly(slashed);
        assertThat(users.resourceIds()).containsExactly(user);
    }

    @Test
    void anExtensionAttributeEqSkipsUsersWithoutTheExtension() {
        String licensed = simulator.seedUser(Scim.userWithLucidchart("licensed@example.com", true));
        String unlicensed = simulator.seedUser(Scim.userWithLucidchart("unlicensed@example.com", false));

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users",
                Scim.LUCID_2 + ":productLicenses.Lucidchart eq true"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly(licensed);
        assertThat(response.totalResults()).isEqualTo(1);

        ScimClient.Response off = scim.get(ScimClient.filtered("/Users",
                Scim.LUCID_2 + ":productLicenses.Lucidchart eq false"));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.resourceIds()).containsExactly(unlicensed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "userName co \"jane\"",
            "userName sw \"jane\"",
            "userName ew \"example.com\"",
            "userName ne \"jane.doe@example.com\"",
            "userName pr",
            "userName eq \"jane.doe@example.com\" and active eq true",
            "userName eq \"jane.doe@example.com\" or userName eq \"jill@example.com\"",
            "not (userName eq \"jane.doe@example.com\")",
            "emails[value eq \"jill@example.com\"]",
            "userName eq"})
    void anythingButASingleEqIs400InvalidFilter(String filter) {
        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", filter));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(response.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName co \"Eng\"", "displayName sw \"Eng\"", "displayName pr",
                            "displayName eq \"Engineering\" or displayName eq \"Sales\""})
    void groupFiltersBeyondEqAre400InvalidFilter(String filter) {
        ScimClient.Response response = scim.get(ScimClient.filtered("/Groups", filter));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("scimType").asText()).isEqualTo("invalidFilter");
    }
}
