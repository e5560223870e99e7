package dev.lucidscim.camel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import dev.lucidscim.client.ScimClient;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResourceType;
import dev.lucidscim.model.ScimResource;

import static dev.lucidscim.camel.LucidScimOperation.addMembers;
import static dev.lucidscim.camel.LucidScimOperation.create;
import static dev.lucidscim.camel.LucidScimOperation.deactivate;
import static dev.lucidscim.camel.LucidScimOperation.delete;
import static dev.lucidscim.camel.LucidScimOperation.get;
import static dev.lucidscim.camel.LucidScimOperation.patch;
import static dev.lucidscim.camel.LucidScimOperation.reactivate;
import static dev.lucidscim.camel.LucidScimOperation.reconcile;
import static dev.lucidscim.camel.LucidScimOperation.removeMembers;
import static dev.lucidscim.camel.LucidScimOperation.replace;
import static dev.lucidscim.camel.LucidScimOperation.search;
import static dev.lucidscim.camel.LucidScimOperation.upsert;

/**
 * The SCIM resource an endpoint works on, the path part of {@code lucid-scim:users} and {@code lucid-scim:groups},
 * and everything that differs between the two outside the producer's handlers: the tenant endpoint, the attributes
 * the consumer tracks by default, whether resources have members, and the operations a producer offers.
 */
public enum LucidScimResource {

    users(ScimResourceType.USERS, ScimClient::users,
            "userName,externalId,active,title,"
            + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department,"
            + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            false, EnumSet.of(create, get, search, replace, patch, delete, upsert, deactivate, reactivate, reconcile)),

    groups(ScimResourceType.GROUPS, ScimClient::groups, "displayName,externalId,members", true,
            EnumSet.of(create, get, search, replace, patch, delete, upsert, addMembers, removeMembers));

    private final ScimResourceType<?> type;
    private final Function<ScimClient, ScimResourceClient<? extends ScimResource>> client;
    private final String defaultTrackedAttributes;
    private final boolean hasMembers;
    private final Set<LucidScimOperation> operations;

    LucidScimResource(ScimResourceType<?> type, Function<ScimClient, ScimResourceClient<? extends ScimResource>> client,
                      String defaultTrackedAttributes, boolean hasMembers, Set<LucidScimOperation> operations) {
        this.type = type;
        this.client = client;
        this.defaultTrackedAttributes = defaultTrackedAttributes;
        this.hasMembers = hasMembers;
        this.operations = Collections.unmodifiableSet(operations);
    }

    /** The tenant endpoint ({@code /Users}, {@code /Groups}) and its model class. */
    public ScimResourceType<?> type() {
        return type;
    }

    /** The client's requests to this resource's endpoint. */
    public ScimResourceClient<? extends ScimResource> clientIn(ScimClient scimClient) {
        return client.apply(scimClient);
    }

    /** What the consumer's {@code trackedAttributes} is when not set: comma-separated SCIM attribute paths. */
    public String defaultTrackedAttributes() {
        return defaultTrackedAttributes;
    }

    /** Whether its resources have members, whose changes the consumer reports in headers of their own. */
    public boolean hasMembers() {
        return hasMembers;
    }

    /** The producer operations that apply to it. */
    public Set<LucidScimOperation> operations() {
        return operations;
    }
}
