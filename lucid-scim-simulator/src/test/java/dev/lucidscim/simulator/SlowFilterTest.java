package dev.lucidscim.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters on attributes Lucid does not optimise ("a very slow process") are served, and flagged with a header that is
 * the simulator's, not Lucid's.
 */
class SlowFilterTest extends SimulatorTestSupport {

    private static final String HEADER = SimulatorHttpHandler.SLOW_FILTER_HEADER;

    @Test
    void aFilterOnAnotherAttributeIsServedAndFlagged() {
        String jane = simulator.seedUser(Scim.userNode("jane@example.com").put("title", "Boss").toString());

        ScimClient.Response found = scim.get(ScimClient.filtered("/Users", "title eq \"Boss\""));

        assertThat(found.resourceIds()).containsExactly(jane);
        assertThat(found.header(HEADER)).contains("title");
    }

    @Test
    void aLucid2LicenceFlagIsSlowUnlikeLucid1s() {
        simulator.seedUser(Scim.userWithLucidchart("jane@example.com", true));

        ScimClient.Response lucid2 = scim.get(ScimClient.filtered("/Users",
                Scim.LUCID_2 + ":productLicenses.Lucidchart eq true"));
        ScimClient.Response lucid1 = scim.get(ScimClient.filtered("/Users",
                Scim.LUCID_1 + ":productLicenses.Lucidchart eq true"));

        assertThat(lucid2.status()).isEqualTo(200);
        assertThat(lucid2.header(HEADER)).isPresent();
        assertThat(lucid1.status()).isEqualTo(200);
        assertThat(lucid1.header(HEADER)).isEmpty();
    }

    @Test
    void theOptimisedAttributesAreNotFlagged() {
        simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedGroup(Scim.group("Engineering"));

        for (String filter : new String[] {"userName eq \"jane@example.com\"", "emails.value eq \"jane@example.com\"",
                "externalId eq \"x\"", "displayName eq \"Jane\""}) {
            ScimClient.Response found = scim.get(ScimClient.filtered("/Users", filter));
            assertThat(found.status()).as(filter).isEqualTo(200);
            assertThat(found.header(HEADER)).as(filter).isEmpty();
        }
        assertThat(scim.get(ScimClient.filtered("/Groups", "displayName eq \"Engineering\"")).header(HEADER))
                .isEmpty();
        assertThat(scim.get("/Users").header(HEADER)).isEmpty();
    }
}
