package dev.lucidscim.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.ScimUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link ScimResourceClient#findUnique}: one search with count 2; none is empty, one is the match, two are an
 * {@code AMBIGUOUS_MATCH} conflict that names the search that was sent.
 */
class FindUniqueTest {

    private static final String SCIM_JSON = "application/scim+json";
    private static final String JANE_SEARCH
            = "/scim/v2/Users?filter=userName%20eq%20%22jane%40example.com%22&startIndex=1&count=2";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private ScimClient client;

    @BeforeEach
    void connect() {
        ScimConnection connection = ScimConnection.create(ScimConnectionSettings.of(
                TenantUrl.of(server.baseUrl() + "/scim/v2", false), BearerToken.of(TestTokens.UNIT)), RequestRate.NONE);
        client = new ScimClient(connection, ScimClientOptions.DEFAULT);
    }

    private static String listOf(String... resources) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":"
               + resources.length + ",\"Resources\":[" + String.join(",", resources) + "]}";
    }

    private static String user(String id) {
        return "{\"id\":\"" + id + "\",\"userName\":\"jane@example.com\"}";
    }

    @Test
    void noMatchIsEmpty() {
        server.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON, listOf())));

        assertThat(client.users().findUnique("userName", "jane@example.com")).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo(JANE_SEARCH)));
    }

    @Test
    void oneMatchIsTheResource() {
        server.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON,
                listOf(user("lucid-1")))));

        assertThat(client.users().findUnique("userName", "jane@example.com")).map(ScimUser::id).hasValue("lucid-1");
        server.verify(1, getRequestedFor(urlEqualTo(JANE_SEARCH)));
    }

    @Test
    void twoMatchesAreAnAmbiguousMatchThatNamesTheSearch() {
        server.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON,
                listOf(user("lucid-1"), user("lucid-2")))));

        ScimConflictException conflict = catchThrowableOfType(ScimConflictException.class,
                () -> client.users().findUnique("userName", "jane@example.com"));

        assertThat(conflict.getKind()).isEqualTo(ScimConflictException.Kind.AMBIGUOUS_MATCH);
        assertThat(conflict).hasMessageStartingWith("More than one Lucid user has userName 'jane@example.com'")
                .hasMessageContaining("[GET /Users -> HTTP 200]");
        assertThat(conflict.getRequest().method()).isEqualTo("GET");
        assertThat(conflict.getRequest().path()).isEqualTo("/Users");
        assertThat(conflict.getStatus()).isEqualTo(200);
    }

    @Test
    void twoGroupsOfOneNameAreCalledByTheirName() {
        String engineering = "{\"id\":\"g-%s\",\"displayName\":\"Engineering\"}";
        server.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).willReturn(okForContentType(SCIM_JSON,
                listOf(engineering.formatted(1), engineering.formatted(2)))));

        ScimConflictException conflict = catchThrowableOfType(ScimConflictException.class,
                () -> client.groups().findUnique("displayName", "Engineering"));

        assertThat(conflict).hasMessageStartingWith("More than one Lucid group is named 'Engineering'")
                .hasMessageContaining("[GET /Groups -> HTTP 200]");
    }
}
