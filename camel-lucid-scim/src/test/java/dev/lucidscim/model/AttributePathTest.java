package dev.lucidscim.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths inside one another, and a value taken out of a resource with the objects it leaves empty. */
class AttributePathTest {

    private static final String LUCID_2 = ScimSchemas.LUCID_USER_V2;

    private static ObjectNode user() {
        return (ObjectNode) ScimJson.toTree(ScimUser.builder().userName("jane@example.com").name("Jane", "Doe")
                .lucidV2(LucidLicensing.of(java.util.Map.of("Lucidchart", true))).build());
    }

    @Test
    void aPathLiesWithinItselfItsParentAndItsWholeExtension() {
        AttributePath licence = AttributePath.of(LUCID_2 + ":productLicenses.Lucidchart");

        assertThat(licence.isWithin(licence)).isTrue();
        assertThat(licence.isWithin(AttributePath.of(LUCID_2 + ":productLicenses"))).isTrue();
        assertThat(licence.isWithin(AttributePath.of(LUCID_2))).isTrue();
        assertThat(AttributePath.of("name.givenName").isWithin(AttributePath.of("name"))).isTrue();
        assertThat(AttributePath.of("nameX").isWithin(AttributePath.of("name"))).isFalse();
        assertThat(AttributePath.of(LUCID_2).isWithin(licence)).isFalse();
    }

    @Test
    void removingTheLastLicenceRemovesTheEmptiedExtension() {
        ObjectNode user = user();

        assertThat(AttributePath.of(LUCID_2 + ":productLicenses.Lucidchart").removeFrom(user)).isTrue();

        assertThat(user.has(LUCID_2)).isFalse();
        assertThat(user.path("userName").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void aWholeExtensionOrASubAttributeIsRemovedAndAMissingOneIsNot() {
        ObjectNode user = user();

        assertThat(AttributePath.of(LUCID_2).removeFrom(user)).isTrue();
        assertThat(user.has(LUCID_2)).isFalse();
        assertThat(AttributePath.of("name.givenName").removeFrom(user)).isTrue();
        assertThat(user.path("name").has("givenName")).isFalse();
        assertThat(user.path("name").path("familyName").asText()).isEqualTo("Doe");
        assertThat(AttributePath.of("title").removeFrom(user)).isFalse();
    }
}
