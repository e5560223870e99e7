package dev.lucidscim.camel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import dev.lucidscim.client.ScimClient;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResourceType;
import dev.lucidscim.model.ScimResource;

import static dev.lucidscim.camel.LucidScimOperation.ADD_MEMBERS;
import static dev.lucidscim.camel.LucidScimOperation.APPLY;
import static dev.lucidscim.camel.LucidScimOperation.APPROVE;
import static dev.lucidscim.camel.LucidScimOperation.CREATE;
import static dev.lucidscim.camel.LucidScimOperation.DEACTIVATE;
import static dev.lucidscim.camel.LucidScimOperation.DELETE;
import static dev.lucidscim.camel.LucidScimOperation.GET;
import static dev.lucidscim.camel.LucidScimOperation.PATCH;
import static dev.lucidscim.camel.LucidScimOperation.REACTIVATE;
import static dev.lucidscim.camel.LucidScimOperation.RECONCILE;
import static dev.lucidscim.camel.LucidScimOperation.REJECT;
import static dev.lucidscim.camel.LucidScimOperation.REMOVE_MEMBERS;
import static dev.lucidscim.camel.LucidScimOperation.REPLACE;
import static dev.lucidscim.camel.LucidScimOperation.REVERT;
import static dev.lucidscim.camel.LucidScimOperation.SEARCH;
import static dev.lucidscim.camel.LucidScimOperation.UPSERT;

/**
 * The SCIM resource an endpoint works on, the path part of {@code lucid-scim:users} and {@code lucid-scim:groups},
 * and everything that differs between the two outside the producer's handlers: the tenant endpoint, the attributes
 * the consumer tracks by default, whether resources have members, and the operations a producer offers. Its
 * {@code toString()} is the name in the URI.
 */
public enum LucidScimResource {

    USERS(ScimResourceType.USERS, ScimClient::users,
            "userName,externalId,active,title,"
            + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department,"
            + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            false, EnumSet.of(CREATE, GET, SEARCH, REPLACE, PATCH, DELETE, UPSERT, DEACTIVATE, REACTIVATE,
                    RECONCILE, APPLY, APPROVE, REJECT, REVERT)),

    GROUPS(ScimResourceType.GROUPS, ScimClient::groups, "displayName,externalId,members", true,
            EnumSet.of(CREATE, GET, SEARCH, REPLACE, PATCH, DELETE, UPSERT, ADD_MEMBERS, REMOVE_MEMBERS));

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

    /** As written in the endpoint URI: {@code users}, {@code groups}. */
    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
