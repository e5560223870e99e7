package dev.lucidscim.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SCIM JSON the model reads and writes: nothing lost, nothing added, nothing leaked. */
class ScimModelJsonTest {

    private static final String CUSTOM = "urn:example:params:scim:schemas:extension:badges:1.0:User";

    /** Everything a server may send, including what the model has no field for. */
    private static final String FULL_USER = """
            {"schemas":["%s","%s","%s","%s","%s"],
             "id":"lucid-1234","externalId":"E-1",
             "meta":{"resourceType":"User","created":"2024-01-02T03:04:05Z",
                     "lastModified":"2024-02-03T04:05:06.789+02:00",
                     "location":"https://users.lucid.app/scim/v2/Users/lucid-1234","version":"W/\\"3\\"",
                     "region":"us"},
             "userName":"jane@example.com",
             "name":{"formatted":"Jane Doe","familyName":"Doe","givenName":"Jane","phoneticGivenName":"jein"},
             "displayName":"Jane Doe","title":"Engineer","active":true,
             "emails":[{"value":"jane@example.com","type":"work","primary":true,"verified":true},
                       {"value":"jd@home.example","type":"home","primary":false}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
             "roles":[{"value":"AccountAdmin"}],
             "groups":[{"value":"lucid-group-7","display":"Engineering","$ref":"https://x/Groups/lucid-group-7"}],
             "nickName":"JD","locale":"en-US","x-favourites":[1,2,3],"preferences":{"theme":"dark"},
             "%s":{"department":"Engineering","costCenter":"CC-1","employeeNumber":"42",
                   "manager":{"value":"lucid-9","displayName":"Boss","$ref":"https://x/Users/lucid-9"},
                   "building":"B7"},
             "%s":{"productLicenses":{"Lucidchart":true,"Lucidspark":false}},
             "%s":{"productLicenses":{"Lucidchart":true,"LucidscaleCreator":true},"billingCode":"BC-1",
                   "seatClass":"pro"},
             "%s":{"badge":"B0","floor":3,"access":{"doors":["A","B"]}}}
            """.formatted(ScimSchemas.CORE_USER, ScimSchemas.ENTERPRISE_USER, ScimSchemas.LUCID_USER_V1,
            ScimSchemas.LUCID_USER_V2, CUSTOM, ScimSchemas.ENTERPRISE_USER, ScimSchemas.LUCID_USER_V1,
            ScimSchemas.LUCID_USER_V2, CUSTOM);

    @Test
    void aReadModifyWriteRoundTripKeepsEverything() throws IOException {
        ScimUser read = ScimJson.read(bytes(FULL_USER), ScimUser.class);
        ScimUser changed = read.toBuilder().title("CTO").build();

        JsonNode written = ScimJson.readTree(ScimJson.toBytes(changed));

        ObjectNode expected = (ObjectNode) tree(FULL_USER);
        expected.put("title", "CTO");
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void knownAndUnknownAttributesAreReadIntoTheirPlaces() throws IOException {
        ScimUser read = ScimJson.read(bytes(FULL_USER), ScimUser.class);

        assertThat(read.name().givenName()).isEqualTo("Jane");
        assertThat(read.name().extra()).containsEntry("phoneticGivenName", "jein");
        assertThat(read.emails().get(0).extra()).containsEntry("verified", true);
        assertThat(read.enterprise().department()).isEqualTo("Engineering");
        assertThat(read.enterprise().manager().value()).isEqualTo("lucid-9");
        assertThat(read.enterprise().extra()).containsEntry("building", "B7");
        assertThat(read.lucidV1().productLicenses()).containsEntry(LucidProducts.LUCIDSPARK, false);
        assertThat(read.lucidV2().billingCode()).isEqualTo("BC-1");
        assertThat(read.lucidV2().extra()).containsEntry("seatClass", "pro");
        assertThat(read.extra()).containsEntry("nickName", "JD").containsKey(CUSTOM)
                .doesNotContainKeys(ScimSchemas.ENTERPRISE_USER, ScimSchemas.LUCID_USER_V1, ScimSchemas.LUCID_USER_V2);
        assertThat(read.meta().created()).isEqualTo(OffsetDateTime.parse("2024-01-02T03:04:05Z"));
        assertThat(read.meta().lastModified().getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(read.meta().extra()).containsEntry("region", "us");
        assertThat(read.groups().get(0).ref()).isEqualTo("https://x/Groups/lucid-group-7");
    }

    @Test
    void nullsAreNeverWritten() throws IOException {
        ScimUser minimal = ScimUser.builder().userName("jane@example.com").email("jane@example.com").build();
        assertThat(ScimJson.toJson(minimal)).isEqualTo("{\"schemas\":[\"" + ScimSchemas.CORE_USER + "\"],"
                + "\"userName\":\"jane@example.com\","
                + "\"emails\":[{\"value\":\"jane@example.com\",\"type\":\"work\",\"primary\":true}]}");

        ScimUser withNulls = ScimJson.read(bytes("""
                {"userName":"jane@example.com","title":null,"name":{"givenName":"Jane","familyName":null},
                 "meta":{"created":null,"location":"l"},"nickName":null,
                 "%s":{"department":null,"division":"D"}}""".formatted(ScimSchemas.ENTERPRISE_USER)), ScimUser.class);
        String json = ScimJson.toJson(withNulls);
        assertThat(json).doesNotContain("null");
        assertThat(tree(json).get("name")).isEqualTo(tree("{\"givenName\":\"Jane\"}"));
        assertThat(tree(json).get(ScimSchemas.ENTERPRISE_USER)).isEqualTo(tree("{\"division\":\"D\"}"));

        ScimGroup group = ScimGroup.builder().displayName("Engineering").build();
        assertThat(ScimJson.toJson(group))
                .isEqualTo("{\"schemas\":[\"" + ScimSchemas.CORE_GROUP + "\"],\"displayName\":\"Engineering\"}");
    }

    @Test
    void metaDatesAreWrittenAsIsoStrings() {
        ScimMeta meta = new ScimMeta("User", OffsetDateTime.parse("2024-01-02T03:04:05Z"),
                OffsetDateTime.parse("2024-02-03T04:05:06.5+02:00"), null, null, null);
        ScimUser user = ScimUser.builder().userName("jane@example.com").meta(meta).build();

        JsonNode written = tree(ScimJson.toJson(user)).get("meta");

        assertThat(written.get("created").isTextual()).isTrue();
        assertThat(written.get("created").asText()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(written.get("lastModified").asText()).isEqualTo("2024-02-03T04:05:06.5+02:00");
        assertThat(written).isEqualTo(tree("{\"resourceType\":\"User\",\"created\":\"2024-01-02T03:04:05Z\","
                                           + "\"lastModified\":\"2024-02-03T04:05:06.5+02:00\"}"));
    }

    @Test
    void metaDatesWithoutAZoneOffsetDoNotMakeTheUserUnreadable() throws IOException {
        // RFC 7643 section 2.3.5: a dateTime is an xsd:dateTime, whose zone offset is optional. A read-only meta
        // date in that form must not make get, search and upsert of the user fail.
        ScimUser read = ScimJson.read(bytes("""
                {"id":"lucid-1234","userName":"jane@example.com",
                 "meta":{"resourceType":"User","created":"2024-01-02T03:04:05","lastModified":"2024-02-03T04:05:06.5"}}
                """), ScimUser.class);

        assertThat(read.userName()).isEqualTo("jane@example.com");
        JsonNode meta = tree(ScimJson.toJson(read)).get("meta");
        assertThat(meta.get("created").asText()).startsWith("2024-01-02T03:04:05");
        assertThat(meta.get("lastModified").asText()).startsWith("2024-02-03T04:05:06.5");
    }

    @Test
    void theBuilderListsTheCoreSchemaAndEachExtensionSet() {
        assertThat(ScimUser.builder().userName("a@b.com").build().schemas())
                .containsExactly(ScimSchemas.CORE_USER);

        ScimUser all = ScimUser.builder().userName("a@b.com")
                .enterprise(EnterpriseUser.builder().department("Sales").build())
                .lucidV1(LucidLicensing.of(Map.of(LucidProducts.LUCIDCHART, true)))
                .lucidV2(LucidLicensing.of(Map.of(LucidProducts.LUCIDSPARK, true)))
                .attribute(CUSTOM, Map.of("badge", "B1"))
                .attribute("nickName", "JD")
                .build();
        assertThat(all.schemas()).containsExactly(ScimSchemas.CORE_USER, ScimSchemas.ENTERPRISE_USER,
                ScimSchemas.LUCID_USER_V1, ScimSchemas.LUCID_USER_V2, CUSTOM);

        ScimUser onlyV2 = ScimUser.builder().userName("a@b.com")
                .schemas(List.of(ScimSchemas.CORE_USER))
                .lucidV2(LucidLicensing.of(Map.of(LucidProducts.LUCIDSPARK, true))).build();
        assertThat(onlyV2.schemas()).containsExactly(ScimSchemas.CORE_USER, ScimSchemas.LUCID_USER_V2);
        assertThat(tree(ScimJson.toJson(onlyV2)).get("schemas"))
                .isEqualTo(tree("[\"" + ScimSchemas.CORE_USER + "\",\"" + ScimSchemas.LUCID_USER_V2 + "\"]"));

        ScimUser withoutCore = ScimUser.builder().userName("a@b.com")
                .schemas(List.of(ScimSchemas.ENTERPRISE_USER))
                .enterprise(EnterpriseUser.builder().department("Sales").build()).build();
        assertThat(withoutCore.schemas()).containsExactly(ScimSchemas.CORE_USER, ScimSchemas.ENTERPRISE_USER);
    }

    @Test
    void toStringNeverShowsThePassword() throws IOException {
        String password = "Xq7-very-secret-9Lp";
        ScimUser built = ScimUser.builder().userName("jane@example.com").password(password).build();
        ScimUser read = ScimJson.read(bytes("{\"userName\":\"jane@example.com\",\"password\":\"" + password + "\"}"),
                ScimUser.class);

        assertThat(built.toString()).doesNotContain(password).contains("jane@example.com");
        assertThat(read.toString()).doesNotContain(password);
        assertThat(read.password()).isEqualTo(password);
        assertThat(built.toBuilder().title("CTO").build().toString()).doesNotContain(password);
        // Written for create/replace: the password is write-only at Lucid but must be sent.
        assertThat(ScimJson.toJson(built)).contains("\"password\":\"" + password + "\"");
    }

    @Test
    void listResponsesReadAndWrite() throws IOException {
        String json = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":5,"startIndex":3,
                 "itemsPerPage":2,"Resources":[{"id":"lucid-3","userName":"c@example.com"},
                                               {"id":"lucid-4","userName":"d@example.com","nickName":"D"}]}""";

        ListResponse<ScimUser> page = ScimJson.read(bytes(json), ScimJson.listResponseOf(ScimUser.class));

        assertThat(page.totalResults()).isEqualTo(5);
        assertThat(page.startIndex()).isEqualTo(3);
        assertThat(page.itemsPerPage()).isEqualTo(2);
        assertThat(page.schemas()).containsExactly(ScimSchemas.LIST_RESPONSE);
        assertThat(page.resources()).extracting(ScimUser::id).containsExactly("lucid-3", "lucid-4");
        assertThat(page.resources().get(1).extra()).containsEntry("nickName", "D");
        assertThat(tree(ScimJson.toJson(page))).isEqualTo(tree(json));

        ListResponse<ScimGroup> empty = ScimJson.read(bytes("{\"totalResults\":0}"),
                ScimJson.listResponseOf(ScimGroup.class));
        assertThat(empty.resources()).isEmpty();
        assertThat(empty.totalResults()).isZero();
    }

    @Test
    void patchRequestsWriteLowerCaseOpsAndReadAnyCase() throws IOException {
        PatchRequest request = PatchRequest.of(PatchOperation.replace("active", false),
                PatchOperation.add("members", List.of(ScimReference.of("lucid-1"))),
                PatchOperation.remove("members[value eq \"lucid-2\"]"));

        assertThat(tree(ScimJson.toJson(request))).isEqualTo(tree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"active","value":false},
                 {"op":"add","path":"members","value":[{"value":"lucid-1"}]},
                 {"op":"remove","path":"members[value eq \\"lucid-2\\"]"}]}"""));

        PatchRequest read = ScimJson.read(bytes("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp","%s"],"Operations":[
                 {"op":"Replace","path":"title","value":"CTO"},{"op":"ADD","value":{"nickName":"JD"}},
                 {"op":" remove ","path":"phoneNumbers"}]}""".formatted(ScimSchemas.CORE_USER)), PatchRequest.class);

        assertThat(read.schemas()).containsExactly(ScimSchemas.PATCH_OP, ScimSchemas.CORE_USER);
        assertThat(read.operations()).containsExactly(PatchOperation.replace("title", "CTO"),
                PatchOperation.add(null, Map.of("nickName", "JD")), PatchOperation.remove("phoneNumbers"));
        assertThat(ScimJson.toJson(read)).contains("\"op\":\"replace\"", "\"op\":\"add\"", "\"op\":\"remove\"")
                .doesNotContain("Replace", "ADD", "null");
        assertThat(PatchRequest.of(List.of()).schemas()).containsExactly(ScimSchemas.PATCH_OP);
    }

    @Test
    void scimErrorsReadStatusAsNumberOrStringAndWriteIt() throws IOException {
        ScimError asString = ScimJson.read(bytes("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness",
                 "detail":"User already exists","lucidCode":"E1"}"""), ScimError.class);
        ScimError asNumber = ScimJson.read(bytes("{\"status\":404,\"detail\":\"User lucid-9 not found\"}"),
                ScimError.class);
        ScimError empty = ScimJson.read(bytes("{}"), ScimError.class);

        assertThat(asString.status()).isEqualTo("409");
        assertThat(asString.scimType()).isEqualTo("uniqueness");
        assertThat(asString.detail()).isEqualTo("User already exists");
        assertThat(asString.extra()).containsEntry("lucidCode", "E1");
        assertThat(asNumber.status()).isEqualTo("404");
        assertThat(asNumber.scimType()).isNull();
        assertThat(empty.status()).isNull();
        assertThat(empty.schemas()).isNull();

        assertThat(tree(ScimJson.toJson(ScimError.of(429, null, "Slow down")))).isEqualTo(tree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"429\","
                + "\"detail\":\"Slow down\"}"));
        assertThat(tree(ScimJson.toJson(asString))).isEqualTo(tree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness",
                 "detail":"User already exists","lucidCode":"E1"}"""));
    }

    @Test
    void groupsKeepMembersAndUnknownAttributes() throws IOException {
        String json = """
                {"schemas":["%s"],"id":"lucid-group-7","displayName":"Engineering",
                 "members":[{"value":"lucid-1","display":"Jane","$ref":"https://x/Users/lucid-1","kind":"user"}],
                 "description":"Builders","meta":{"resourceType":"Group"}}""".formatted(ScimSchemas.CORE_GROUP);

        ScimGroup group = ScimJson.read(bytes(json), ScimGroup.class);

        assertThat(group.members()).extracting(ScimReference::value).containsExactly("lucid-1");
        assertThat(group.members().get(0).extra()).containsEntry("kind", "user");
        assertThat(tree(ScimJson.toJson(group.toBuilder().build()))).isEqualTo(tree(json));
        ScimGroup noMembers = ScimJson.read(bytes("{\"displayName\":\"X\"}"), ScimGroup.class);
        assertThat(noMembers.members()).isNull();
        assertThat(ScimJson.read(bytes("{\"displayName\":\"X\",\"members\":[]}"), ScimGroup.class).members())
                .isEmpty();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return ScimJson.readTree(bytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void builderListsOnlyTheExtensionsThatAreSet() {
        ScimUser withEnterprise = ScimUser.builder().userName("a@example.com")
                .enterprise(EnterpriseUser.builder().department("R&D").build()).build();
        assertThat(withEnterprise.schemas()).contains(ScimSchemas.ENTERPRISE_USER);

        ScimUser without = withEnterprise.toBuilder().enterprise(null).build();
        assertThat(without.schemas()).containsExactly(ScimSchemas.CORE_USER);
    }
}
