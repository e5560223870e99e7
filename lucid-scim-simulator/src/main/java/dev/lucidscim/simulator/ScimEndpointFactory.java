package dev.lucidscim.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.constants.ClassPathReferences;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.EndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.patch.workarounds.PatchWorkaround;
import de.captaingoldfish.scim.sdk.server.patch.workarounds.msazure.MsAzurePatchRemoveRebuilder;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;

/**
 * Builds the SCIM library's endpoint the way Lucid presents itself: Users with the enterprise and both Lucid
 * licensing extensions, Groups, and a ServiceProviderConfig that says patch yes, bulk no, filter yes (with the
 * page-size maximum), sort no, etag yes, bearer tokens.
 */
final class ScimEndpointFactory {

    private static final String RESOURCES = "/dev/lucidscim/simulator/";

    /** Authentication happens before the library is called; this only keeps the library from warning. */
    private static final Authorization ALREADY_AUTHENTICATED = new Authorization() {
        @Override
        public Set<String> getClientRoles() {
            return Set.of();
        }

        @Override
        public boolean authenticate(Map<String, String> httpHeaders, Map<String, String> queryParams) {
            return true;
        }
    };

    private ScimEndpointFactory() {
    }

    /** The context of a request whose bearer token was already checked. */
    static Context trustedContext() {
        return new Context(ALREADY_AUTHENTICATED);
    }

    /** The same, carrying a filter value the HTTP layer decoded itself. */
    static LucidRequestContext trustedContext(StringEq stringEq) {
        return new LucidRequestContext(ALREADY_AUTHENTICATED, stringEq);
    }

    /**
     * @param groups            what /Groups holds: the organizational groups or the teams
     * @param filteredResultCap the most results a filtered search reaches
     * @param dialect           the standard one has the library's PATCH engine read an unfiltered remove as the RFC
     *                          does ({@link ValuelessRemove})
     */
    static ResourceEndpoint create(Directory directory, GroupKind groups, int maxPageSize, int filteredResultCap,
                                   SimulatorDialect dialect) {
        ServiceProvider serviceProvider = ServiceProvider.builder()
                .patchConfig(PatchConfig.builder().supported(true).build())
                .filterConfig(FilterConfig.builder().supported(true).maxResults(maxPageSize).build())
                .bulkConfig(BulkConfig.builder().supported(false).build())
                .sortConfig(SortConfig.builder().supported(false).build())
                .eTagConfig(ETagConfig.builder().supported(true).build())
                .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
                .authenticationSchemes(List.of(AuthenticationScheme.builder()
                        .name("Bearer").type("oauthbearertoken").description("The SCIM token of the account")
                        .specUri("https://www.rfc-editor.org/info/rfc6750").primary(true).build()))
                // Lucid's own examples send application/json
                .lenientContentTypeChecking(true)
                .build();
        ResourceEndpoint endpoint = new ResourceEndpoint(serviceProvider);
        if (dialect.unfilteredRemoveClearsTheAttribute()) {
            List<Supplier<PatchWorkaround>> workarounds = endpoint.getPatchWorkarounds();
            workarounds.replaceAll(workaround -> workaround.get() instanceof MsAzurePatchRemoveRebuilder
                    ? ValuelessRemove::new : workaround);
        }

        JsonNode userResourceType = JsonHelper.loadJsonDocument(RESOURCES + "user-resource-type.json");
        JsonNode userSchema = JsonHelper.loadJsonDocument(ClassPathReferences.USER_SCHEMA_JSON);
        List<JsonNode> extensions = List.of(
                JsonHelper.loadJsonDocument(ClassPathReferences.ENTERPRISE_USER_SCHEMA_JSON),
                JsonHelper.loadJsonDocument(RESOURCES + "lucid-user-1.0.json"),
                JsonHelper.loadJsonDocument(RESOURCES + "lucid-user-2.0.json"));
        ResourceType users = endpoint.registerEndpoint(new EndpointDefinition(userResourceType, userSchema,
                extensions, new DirectoryHandler.Users(directory.users(), filteredResultCap)));
        ResourceType groupType = endpoint.registerEndpoint(new GroupEndpointDefinition(
                new DirectoryHandler.Groups(directory.groups(groups), filteredResultCap)));
        for (ResourceType type : List.of(users, groupType)) {
            type.getFeatures().getETagFeature().setEnabled(true);
            type.getFeatures().setAutoFiltering(false);
        }
        return endpoint;
    }
}
