package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** /ServiceProviderConfig and /Schemas as Lucid serves them; the RFC endpoints Lucid leaves out are 404. */
class DiscoveryTest extends SimulatorTestSupport {

    @Test
    void serviceProviderConfigAdvertisesLucidsFeatures() {
        ScimClient.Response response = scim.get("/ServiceProviderConfig");

        assertThat(response.status()).isEqualTo(200);
        JsonNode config = response.json();
        assertThat(config.path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.at("/bulk/supported").asBoolean(true)).isFalse();
        assertThat(config.at("/filter/supported").asBoolean()).isTrue();
        assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(100);
        assertThat(config.at("/sort/supported").asBoolean(true)).isFalse();
        assertThat(config.at("/etag/supported").asBoolean()).isTrue();
        assertThat(config.at("/changePassword/supported").asBoolean(true)).isFalse();
        assertThat(config.path("authenticationSchemes").findValuesAsText("type")).containsExactly("oauthbearertoken");
    }

    @Test
    void schemasListsExactlyLucidsFive() {
        ScimClient.Response response = scim.get("/Schemas");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactlyInAnyOrder(
                Scim.USER_SCHEMA, Scim.GROUP_SCHEMA, Scim.ENTERPRISE, Scim.LUCID_1, Scim.LUCID_2);
        assertThat(response.totalResults()).isEqualTo(5);
    }

    @Test
    void theLucid2SchemaIsServedById() {
        ScimClient.Response response = scim.get("/Schemas/" + Scim.LUCID_2);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.id()).isEqualTo(Scim.LUCID_2);
        List<String> attributes = response.json().path("attributes").findValuesAsText("name");
        assertThat(attributes).contains("productLicenses", "billingCode", "Lucidchart", "Lucidspark",
                "LucidscaleCreator", "LucidscaleExplorer");
    }

    @ParameterizedTest
    @ValueSource(strings = {Scim.USER_SCHEMA, Scim.GROUP_SCHEMA, Scim.ENTERPRISE, Scim.LUCID_1})
    void theOtherLucidSchemasAreServedById(String id) {
        ScimClient.Response response = scim.get("/Schemas/" + id);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
                            "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
                            "urn:ietf:params:scim:schemas:core:2.0:Schema",
                            "urn:ietf:params:scim:schemas:extension:lucid:3.0:User"})
    void schemasLucidDoesNotServeAre404(String id) {
        ScimClient.Response response = scim.get("/Schemas/" + id);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"GET,/ResourceTypes", "GET,/ResourceTypes/User", "POST,/Bulk", "POST,/Users/.search",
                "POST,/Groups/.search", "POST,/.search"})
    void endpointsLucidDoesNotOfferAre404(String method, String path) throws Exception {
        String body = method.equals("POST") ? "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}"
                : null;

        ScimClient.Response response = scim.send(method, path, body, body == null ? null : ScimClient.SCIM_JSON);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
    }

    @Test
    void aBulkRequestCreatesNothing() {
        String bulk = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[{"
                      + "\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"1\",\"data\":" + Scim.user("a@b.com")
                      + "}]}";

        assertThat(scim.post("/Bulk", bulk).status()).isEqualTo(404);
        assertThat(simulator.userCount()).isZero();
    }
}
