package dev.lucidscim.client;

import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.model.ServiceProviderConfig;

/**
 * A SCIM 2.0 client for one Lucid tenant, independent of Camel:
 *
 * <pre>{@code
 * ScimConnection connection = ScimConnection.create(ScimConnectionSettings.of(
 *         TenantUrl.of(TenantUrl.LUCID_DEFAULT, false), BearerToken.of(token)), RequestRate.of(25));
 * ScimClient client = new ScimClient(connection, ScimClientOptions.DEFAULT);
 * ScimUser user = client.users().get("lucid-1234").resource();
 * }</pre>
 */
public final class ScimClient {

    private final ScimRequestExecutor executor;
    private final ScimResourceClient<ScimUser> users;
    private final ScimResourceClient<ScimGroup> groups;
    private final GroupMembershipPatches groupMemberships;

    public ScimClient(ScimConnection connection, ScimClientOptions options) {
        this(connection, options, WriteObserver.NONE);
    }

    /** @param writes told of every write either resource client sends (the audit ledger) */
    public ScimClient(ScimConnection connection, ScimClientOptions options, WriteObserver writes) {
        this.executor = new ScimRequestExecutor(connection, options.retryPolicy(), options.readTimeout());
        this.users = new ScimResourceClient<>(ScimResourceType.USERS, executor, options.patchForm(),
                options.patchSchemas(), options.maxListing(), options.pagesInFlight(), writes);
        this.groups = new ScimResourceClient<>(ScimResourceType.GROUPS, executor, options.patchForm(),
                options.patchSchemas(), options.maxListing(), options.pagesInFlight(), writes);
        this.groupMemberships = new GroupMembershipPatches(groups, options.membersPerPatch(),
                options.memberRemoval());
    }

    public ScimResourceClient<ScimUser> users() {
        return users;
    }

    public ScimResourceClient<ScimGroup> groups() {
        return groups;
    }

    /** Membership changes and creates of groups in requests of at most {@code membersPerPatch} members. */
    public GroupMembershipPatches groupMemberships() {
        return groupMemberships;
    }

    /** What the tenant says it supports; read it rather than assume it. */
    public ServiceProviderConfig serviceProviderConfig() {
        ScimRequest request = ScimRequest.get("/ServiceProviderConfig", null);
        return executor.execute(request).readBody(request, ScimJson.typeOf(ServiceProviderConfig.class));
    }
}
