package dev.lucidscim.camel;

import dev.lucidscim.client.BearerToken;
import dev.lucidscim.client.RequestRate;
import dev.lucidscim.client.ScimClient;
import dev.lucidscim.client.ScimClientOptions;
import dev.lucidscim.client.ScimConnection;
import dev.lucidscim.client.ScimConnectionSettings;
import dev.lucidscim.client.TenantUrl;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the resource enum says about users and groups, the one place the component tells them apart. */
class LucidScimResourceTest {

    @Test
    void eachResourceReachesItsOwnEndpointOfTheClient() {
        ScimClient client = new ScimClient(ScimConnection.create(ScimConnectionSettings.of(
                TenantUrl.of("http://127.0.0.1:1/scim/v2", false), BearerToken.of(TestTokens.UNIT)),
                RequestRate.NONE), ScimClientOptions.DEFAULT);

        for (LucidScimResource resource : LucidScimResource.values()) {
            assertThat(resource.clientIn(client).type()).as(resource.toString()).isSameAs(resource.type());
        }
        assertThat(LucidScimResource.USERS.type().modelClass()).isEqualTo(ScimUser.class);
        assertThat(LucidScimResource.GROUPS.type().modelClass()).isEqualTo(ScimGroup.class);
    }

    @Test
    void usersAndGroupsShareTheResourceOperationsAndEachHasItsOwn() {
        assertThat(LucidScimResource.USERS.operations()).containsExactly(LucidScimOperation.CREATE,
                LucidScimOperation.GET, LucidScimOperation.SEARCH, LucidScimOperation.REPLACE,
                LucidScimOperation.PATCH, LucidScimOperation.DELETE, LucidScimOperation.UPSERT,
                LucidScimOperation.DEACTIVATE, LucidScimOperation.REACTIVATE, LucidScimOperation.RECONCILE,
                LucidScimOperation.APPLY, LucidScimOperation.APPROVE, LucidScimOperation.REJECT,
                LucidScimOperation.REVERT);
        assertThat(LucidScimResource.GROUPS.operations()).containsExactly(LucidScimOperation.CREATE,
                LucidScimOperation.GET, LucidScimOperation.SEARCH, LucidScimOperation.REPLACE,
                LucidScimOperation.PATCH, LucidScimOperation.DELETE, LucidScimOperation.UPSERT,
                LucidScimOperation.ADD_MEMBERS, LucidScimOperation.REMOVE_MEMBERS);
    }

    @Test
    void onlyGroupsHaveMembersAndEachTracksItsOwnAttributes() {
        assertThat(LucidScimResource.GROUPS.hasMembers()).isTrue();
        assertThat(LucidScimResource.USERS.hasMembers()).isFalse();
        assertThat(LucidScimResource.USERS.defaultTrackedAttributes()).startsWith("userName,externalId,active,title,");
        assertThat(LucidScimResource.GROUPS.defaultTrackedAttributes()).isEqualTo("displayName,externalId,members");
    }
}
