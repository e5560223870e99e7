package dev.lucidscim.camel.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.LucidLicensing;
import dev.lucidscim.model.LucidProducts;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimMeta;
import dev.lucidscim.model.ScimMultiValue;
import dev.lucidscim.model.ScimName;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What upsert considers different: AttributeDiff.between and matches, without any HTTP. */
class AttributeDiffTest {

    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;
    private static final String LUCID_V2 = ScimSchemas.LUCID_USER_V2;
    private static final String CUSTOM = "urn:example:params:scim:schemas:extension:badges:1.0:User";

    /** A user as Lucid returns it: more than any route manages. */
    private static ScimUser current() {
        return ScimUser.builder()
                .id("lucid-1234")
                .meta(new ScimMeta("User", OffsetDateTime.parse("2024-01-02T03:04:05Z"),
                        OffsetDateTime.parse("2024-02-03T04:05:06Z"),
                        "https://users.lucid.app/scim/v2/Users/lucid-1234", "W/\"3\"", null))
                .userName("jane@example.com")
                .externalId("E-1")
                .name("Jane", "Doe")
                .displayName("Jane Doe")
                .title("CTO")
                .active(true)
                .emails(List.of(new ScimMultiValue("jane@example.com", "Jane", "work", true, null),
                        new ScimMultiValue("jane.doe@home.example", null, "home", false, null)))
                .phoneNumbers(List.of(ScimMultiValue.workPhone("+1 555 0100")))
                .roles(List.of(ScimMultiValue.role("AccountAdmin"), ScimMultiValue.role("Developer")))
                .groups(List.of(new ScimReference("lucid-group-7", "Engineering", null, null, null)))
                .enterprise(EnterpriseUser.builder().department("Engineering").costCenter("CC-1").manager("lucid-9")
                        .build())
                .lucidV2(new LucidLicensing(Map.of(LucidProducts.LUCIDCHART, true, LucidProducts.LUCIDSPARK, true),
                        "BC-1", null))
                .attribute(CUSTOM, Map.of("badge", "B0", "floor", 3))
                .build();
    }

    private static ScimUser.Builder desired() {
        return ScimUser.builder().userName("jane@example.com");
    }

    @Test
    void onlyAttributesTheDesiredUserSetsAreCompared() {
        // No title, phone, roles, extensions or externalId: what the route does not manage is left alone.
        ScimUser desired = desired().name("Jane", "Doe").email("jane@example.com").active(true).build();
        ScimUser withOneEmail = current().toBuilder()
                .emails(List.of(new ScimMultiValue("jane@example.com", "Jane", "work", true, null))).build();

        assertThat(AttributeDiff.between(withOneEmail, desired)).isEmpty();
        assertThat(AttributeDiff.between(withOneEmail, desired().title("CEO").build()))
                .containsExactly(PatchOperation.replace("title", "CEO"));
    }

    @Test
    void multiValuedAttributesAreComparedAsUnorderedSets() {
        ScimUser reordered = desired()
                .emails(List.of(new ScimMultiValue("jane.doe@home.example", null, "home", false, null),
                        new ScimMultiValue("jane@example.com", null, "work", true, null)))
                .roles(List.of(ScimMultiValue.role("Developer"), ScimMultiValue.role("AccountAdmin")))
                .build();
        assertThat(AttributeDiff.between(current(), reordered)).isEmpty();

        ScimUser fewerRoles = desired().roles(List.of(ScimMultiValue.role("Developer"))).build();
        assertThat(AttributeDiff.between(current(), fewerRoles))
                .containsExactly(PatchOperation.replace("roles", List.of(Map.of("value", "Developer"))));

        ScimUser otherRole = desired()
                .roles(List.of(ScimMultiValue.role("Developer"), ScimMultiValue.role("BillingAdmin"))).build();
        assertThat(AttributeDiff.between(current(), otherRole)).extracting(PatchOperation::path)
                .containsExactly("roles");
    }

    @Test
    void eachWantedElementNeedsADistinctElementThatIsThere() {
        JsonNode have = tree("[{\"value\":\"a\"},{\"value\":\"b\"}]");

        assertThat(AttributeDiff.matches(have, tree("[{\"value\":\"b\"},{\"value\":\"a\"}]"), "roles")).isTrue();
        assertThat(AttributeDiff.matches(have, tree("[{\"value\":\"a\"},{\"value\":\"a\"}]"), "roles")).isFalse();
        assertThat(AttributeDiff.matches(have, tree("[{\"value\":\"a\"}]"), "roles")).isFalse();
        assertThat(AttributeDiff.matches(null, tree("\"x\""), "title")).isFalse();
        assertThat(AttributeDiff.matches(tree("null"), tree("\"x\""), "title")).isFalse();
        assertThat(AttributeDiff.matches(tree("\"x\""), tree("{\"value\":\"x\"}"), "manager")).isFalse();
    }

    @Test
    void aDesiredSubsetOfSubAttributesMatches() {
        // Lucid adds display, type and primary; the route sends the address only.
        ScimUser valuesOnly = desired()
                .emails(List.of(new ScimMultiValue("jane@example.com", null, null, null, null),
                        new ScimMultiValue("jane.doe@home.example", null, null, null, null)))
                .name(new ScimName(null, null, "Jane", null, null, null, null))
                .build();
        assertThat(AttributeDiff.between(current(), valuesOnly)).isEmpty();

        assertThat(AttributeDiff.matches(tree("{\"value\":\"x\",\"display\":\"X\",\"primary\":true}"),
                tree("{\"value\":\"x\"}"), "emails")).isTrue();
        assertThat(AttributeDiff.matches(tree("{\"value\":\"x\"}"), tree("{\"value\":\"x\",\"primary\":true}"),
                "emails")).isFalse();
    }

    @Test
    void userNameAndEmailAddressesIgnoreCaseOtherStringsDoNot() {
        ScimUser shouting = ScimUser.builder().userName("JANE@Example.COM")
                .emails(List.of(new ScimMultiValue("Jane@EXAMPLE.com", null, "work", true, null),
                        new ScimMultiValue("JANE.DOE@home.example", null, "home", false, null)))
                .build();
        assertThat(AttributeDiff.between(current(), shouting)).isEmpty();

        ScimUser lowerTitle = desired().title("cto").build();
        assertThat(AttributeDiff.between(current(), lowerTitle))
                .containsExactly(PatchOperation.replace("title", "cto"));

        ScimUser lowerGivenName = desired().name("jane", "Doe").build();
        assertThat(AttributeDiff.between(current(), lowerGivenName))
                .containsExactly(PatchOperation.replace("name.givenName", "jane"));

        ScimUser lowerDepartment = desired().enterprise(EnterpriseUser.builder().department("engineering").build())
                .build();
        assertThat(AttributeDiff.between(current(), lowerDepartment))
                .containsExactly(PatchOperation.replace(ENTERPRISE + ":department", "engineering"));

        assertThat(AttributeDiff.matches(tree("\"a@b.com\""), tree("\"A@B.COM\""), "userName")).isTrue();
        assertThat(AttributeDiff.matches(tree("\"a@b.com\""), tree("\"A@B.COM\""), "displayName")).isFalse();
    }

    @Test
    void complexCoreAttributesGetOnePathPerDifferingSubAttribute() {
        ScimUser renamed = desired().name(new ScimName("Janet Roe", "Roe", "Jane", null, null, null, null)).build();

        assertThat(AttributeDiff.between(current(), renamed)).containsExactlyInAnyOrder(
                PatchOperation.replace("name.familyName", "Roe"),
                PatchOperation.replace("name.formatted", "Janet Roe"));
    }

    @Test
    void extensionAttributesArePathedWithTheSchemaUrn() {
        ScimUser moved = desired()
                .enterprise(EnterpriseUser.builder().department("Sales").costCenter("CC-1").manager("lucid-10")
                        .build())
                .build();

        assertThat(AttributeDiff.between(current(), moved)).containsExactlyInAnyOrder(
                PatchOperation.replace(ENTERPRISE + ":department", "Sales"),
                PatchOperation.replace(ENTERPRISE + ":manager.value", "lucid-10"));
    }

    @Test
    void objectsInsideExtensionsArePathedPerField() {
        ScimUser relicensed = desired()
                .lucidV2(new LucidLicensing(Map.of(LucidProducts.LUCIDCHART, false, LucidProducts.LUCIDSPARK, true),
                        "BC-1", null))
                .build();

        assertThat(AttributeDiff.between(current(), relicensed)).containsExactly(
                PatchOperation.replace(LUCID_V2 + ":productLicenses.Lucidchart", false));

        ScimUser addedProduct = desired()
                .lucidV2(LucidLicensing.of(Map.of(LucidProducts.LUCIDSCALE_CREATOR, true))).build();
        assertThat(AttributeDiff.between(current(), addedProduct)).containsExactly(
                PatchOperation.replace(LUCID_V2 + ":productLicenses.LucidscaleCreator", true));
    }

    @Test
    void anExtensionTheUserLacksIsReplacedWhole() {
        ScimUser withV1 = desired().lucidV1(LucidLicensing.of(Map.of(LucidProducts.LUCIDCHART, true))).build();

        assertThat(AttributeDiff.between(current(), withV1)).containsExactly(PatchOperation.replace(
                ScimSchemas.LUCID_USER_V1, Map.of("productLicenses", Map.of(LucidProducts.LUCIDCHART, true))));
    }

    @Test
    void serverAssignedReadOnlyAndWriteOnlyAttributesAreNeverCompared() {
        ScimUser odd = desired()
                .schemas(List.of("urn:example:other"))
                .id("lucid-9999")
                .meta(new ScimMeta("Group", OffsetDateTime.parse("2020-01-01T00:00:00Z"), null, "x", "W/\"9\"", null))
                .groups(List.of(ScimReference.of("lucid-group-1")))
                .password("s3cret-passw0rd")
                .attribute("members", List.of(Map.of("value", "lucid-1")))
                .build();
        assertThat(AttributeDiff.between(current(), odd)).isEmpty();

        ScimGroup group = ScimGroup.builder().id("lucid-group-7").displayName("Engineering")
                .memberIds(List.of("lucid-1", "lucid-2")).build();
        ScimGroup otherMembers = ScimGroup.builder().id("lucid-group-8").displayName("Engineering")
                .memberIds(List.of("lucid-3")).build();
        assertThat(AttributeDiff.between(group, otherMembers)).isEmpty();
        assertThat(AttributeDiff.between(group, otherMembers.toBuilder().displayName("engineering").build()))
                .containsExactly(PatchOperation.replace("displayName", "engineering"));
    }

    @Test
    void unknownAttributesAreComparedToo() {
        ScimUser nick = desired().attribute("nickName", "JD").build();
        assertThat(AttributeDiff.between(current(), nick)).containsExactly(PatchOperation.replace("nickName", "JD"));
        assertThat(AttributeDiff.between(current().toBuilder().attribute("nickName", "JD").build(), nick)).isEmpty();

        ScimUser badge = desired().attribute(CUSTOM, Map.of("badge", "B1")).build();
        assertThat(AttributeDiff.between(current(), badge))
                .containsExactly(PatchOperation.replace(CUSTOM + ":badge", "B1"));
        assertThat(AttributeDiff.between(current(), desired().attribute(CUSTOM, Map.of("floor", 3)).build()))
                .isEmpty();
    }

    @Test
    void aBooleanOrAnAttributeTheUserLacksIsReplaced() {
        ScimUser inactive = desired().active(false).build();
        assertThat(AttributeDiff.between(current(), inactive)).containsExactly(PatchOperation.replace("active", false));

        ScimUser bare = ScimUser.builder().id("lucid-1").userName("jane@example.com").build();
        assertThat(AttributeDiff.between(bare, desired().name("Jane", "Doe").build())).containsExactly(
                PatchOperation.replace("name", Map.of("givenName", "Jane", "familyName", "Doe")));
    }

    private static JsonNode tree(String json) {
        try {
            return ScimJson.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void numbersAreComparedByValueNotByHowTheyWereWritten() {
        ScimUser current = ScimUser.builder().userName("a@example.com").attribute("level", 3).build();
        ScimUser sameValue = ScimUser.builder().userName("a@example.com").attribute("level", 3.0d).build();
        ScimUser otherValue = ScimUser.builder().userName("a@example.com").attribute("level", 4L).build();

        assertThat(AttributeDiff.between(current, sameValue)).isEmpty();
        assertThat(AttributeDiff.between(current, otherValue)).extracting(PatchOperation::path)
                .containsExactly("level");
    }
}
