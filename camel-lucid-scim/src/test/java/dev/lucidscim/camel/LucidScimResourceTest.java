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
        assertThat(LucidScimResource.users.type().modelClass()).isEqualTo(ScimUser.class);
        assertThat(LucidScimResource.groups.type().modelClass()).isEqualTo(ScimGroup.class);
    }

    @Test
    void usersAndGroupsShareTheResourceOperationsAndEachHasItsOwn() {
        assertThat(LucidScimResource.users.operations()).containsExactly(LucidScimOperation.create,
                LucidScimOperation.get, LucidScimOperation.search, LucidScimOperation.replace,
                LucidScimOperation.patch, LucidScimOperation.delete, LucidScimOperation.upsert,
                LucidScimOperation.deactivate, LucidScimOperation.reactivate, LucidScimOperation.reconcile);
        assertThat(LucidScimResource.groups.operations()).containsExactly(LucidScimOperation.create,
                LucidScimOperation.get, LucidScimOperation.search, LucidScimOperation.replace,
                LucidScimOperation.patch, LucidScimOperation.delete, LucidScimOperation.upsert,
                LucidScimOperation.addMembers, LucidScimOperation.removeMembers);
    }

    @Test
    void onlyGroupsHaveMembersAndEachTracksItsOwnAttributes() {
        assertThat(LucidScimResource.groups.hasMembers()).isTrue();
        assertThat(LucidScimResource.users.hasMembers()).isFalse();
        assertThat(LucidScimResource.users.defaultTrackedAttributes()).startsWith("userName,externalId,active,title,");
        assertThat(LucidScimResource.groups.defaultTrackedAttributes()).isEqualTo("displayName,externalId,members");
    }
}
