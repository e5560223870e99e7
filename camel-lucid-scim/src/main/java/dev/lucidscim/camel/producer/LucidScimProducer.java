package dev.lucidscim.camel.producer;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimResource;
import dev.lucidscim.camel.health.LucidScimProducerHealthCheck;
import dev.lucidscim.camel.producer.reconcile.UserReconcile;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimClient;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * The one dispatcher: picks the operation (header, else endpoint option), checks it applies to the endpoint's
 * resource, and hands the exchange to the class that does it.
 */
public class LucidScimProducer extends DefaultProducer {

    private final LucidScimEndpoint endpoint;
    private final ProducerStatistics statistics;
    private ResourceOperations<ScimUser> userResource;
    private ResourceOperations<ScimGroup> groupResource;
    private UserOperations users;
    private UserUpsert userUpsert;
    private GroupOperations groups;
    private GroupUpsert groupUpsert;
    private UserReconcile reconcile;
    private WritableHealthCheckRepository healthChecks;
    private LucidScimProducerHealthCheck healthCheck;

    /** @param statistics where it counts outcomes: shared by every producer of the endpoint */
    public LucidScimProducer(LucidScimEndpoint endpoint, ProducerStatistics statistics) {
        super(endpoint);
        this.endpoint = endpoint;
        this.statistics = statistics;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ScimClient client = endpoint.getClient();
        LucidScimConfiguration configuration = endpoint.getConfiguration();
        userResource = new ResourceOperations<>(client.users(), ConfirmedCreate.users(client.users()), configuration,
                InputValidation::requireCompleteUser);
        groupResource = new ResourceOperations<>(client.groups(), ConfirmedCreate.groups(client.groups()),
                configuration, InputValidation::requireCompleteGroup);
        // Upsert and deactivate use the tombstones only with a configured repository, else they work as before: in
        // the in-memory default, what a rehire finds would depend on when the process last started.
        KnownDeactivations deactivations = new KnownDeactivations(client.users(), configuration.getMatchAttribute(),
                configuration.getStateRepository() == null ? null
                        : new DeactivatedUsers(endpoint.stateRepository(), endpoint.stateNamespace()));
        users = new UserOperations(client.users(), userResource, configuration.isAllowHardDelete(), deactivations);
        userUpsert = new UserUpsert(client.users(), userResource, configuration.getMatchAttribute(), deactivations);
        GroupMembershipPatches memberships = client.groupMemberships().creatingWith(groupResource::create);
        groups = new GroupOperations(groupResource, memberships);
        groupUpsert = new GroupUpsert(client.groups(), memberships);
        reconcile = new UserReconcile(client.users(), client.groups(), memberships, configuration,
                endpoint.stateRepository(), endpoint.stateNamespace());
        registerHealthCheck();
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    /** In Camel's "producers" health repository, which applications switch on (camel.health.producersEnabled). */
    private void registerHealthCheck() {
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new LucidScimProducerHealthCheck(endpoint, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        LucidScimOperation operation = null;
        try {
            operation = operationOf(exchange);
            if (endpoint.getResource() == LucidScimResource.users) {
                performOnUsers(operation, exchange);
            } else {
                performOnGroups(operation, exchange);
            }
        } catch (Exception e) {
            statistics.failed(operation, e);
            throw e;
        }
        statistics.succeeded(operation, exchange.getMessage());
    }

    private void performOnUsers(LucidScimOperation operation, Exchange exchange) throws InterruptedException {
        switch (operation) {
            case create -> userResource.create(exchange);
            case get -> userResource.get(exchange);
            case search -> userResource.search(exchange);
            case replace -> userResource.replace(exchange);
            case patch -> userResource.patch(exchange);
            case delete -> users.delete(exchange);
            case upsert -> userUpsert.upsert(exchange);
            case deactivate -> users.deactivate(exchange);
            case reactivate -> users.reactivate(exchange);
            case reconcile -> reconcile.reconcile(exchange);
            default -> throw notApplicable(operation);
        }
    }

    private void performOnGroups(LucidScimOperation operation, Exchange exchange) {
        switch (operation) {
            case create -> groups.create(exchange);
            case get -> groupResource.get(exchange);
            case search -> groupResource.search(exchange);
            case replace -> groupResource.replace(exchange);
            case patch -> groupResource.patch(exchange);
            case delete -> groupResource.delete(exchange);
            case upsert -> groupUpsert.upsert(exchange);
            case addMembers -> groups.addMembers(exchange);
            case removeMembers -> groups.removeMembers(exchange);
            default -> throw notApplicable(operation);
        }
    }

    private LucidScimOperation operationOf(Exchange exchange) {
        LucidScimOperation operation = MessageInput.operation(exchange.getMessage(),
                endpoint.getConfiguration().getOperation());
        if (!operation.appliesTo(endpoint.getResource())) {
            throw notApplicable(operation);
        }
        return operation;
    }

    private ScimValidationException notApplicable(LucidScimOperation operation) {
        return ScimValidationException.beforeRequest("Operation " + operation + " does not apply to lucid-scim:"
                                                     + endpoint.getResource() + " (deactivate and reactivate are for "
                                                     + "users, addMembers and removeMembers for groups)");
    }
}
