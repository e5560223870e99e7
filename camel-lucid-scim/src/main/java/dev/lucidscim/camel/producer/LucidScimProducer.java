package dev.lucidscim.camel.producer;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.LucidScimIntegration;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.camel.LucidScimResource;
import dev.lucidscim.camel.audit.AuditScope;
import dev.lucidscim.camel.health.LucidScimProducerHealthCheck;
import dev.lucidscim.camel.producer.plan.PlanApplier;
import dev.lucidscim.camel.producer.plan.PlanGate;
import dev.lucidscim.camel.producer.reconcile.UserReconcile;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimClient;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.PendingPlans;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

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
 * The one dispatcher: at start it maps each operation of the endpoint's resource ({@link LucidScimResource#operations()})
 * to the method that does it; per message it picks the operation (header, else endpoint option) and hands the
 * exchange to that method. An operation of the other resource has no handler and fails before any request.
 */
public class LucidScimProducer extends DefaultProducer {

    private final LucidScimEndpoint endpoint;
    private final ProducerStatistics statistics;
    private Map<LucidScimOperation, Processor> handlers;
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
        handlers = new EnumMap<>(LucidScimOperation.class);
        LucidScimResource resource = endpoint.getResource();
        switch (resource) {
            case USERS -> addUserHandlers(endpoint.getClient(), endpoint.getConfiguration());
            case GROUPS -> addGroupHandlers(endpoint.getClient(), endpoint.getConfiguration());
        }
        if (!handlers.keySet().equals(resource.operations())) {
            throw new IllegalStateException("lucid-scim:" + resource + " has handlers for " + handlers.keySet()
                                            + ", not for its operations " + resource.operations());
        }
        registerHealthCheck();
    }

    private void addUserHandlers(ScimClient client, LucidScimConfiguration configuration) throws Exception {
        ResourceOperations<ScimUser> resource = new ResourceOperations<>(client.users(),
                ConfirmedCreate.users(client.users()), configuration, endpoint.resultCap(),
                InputValidation::requireCompleteUser);
        // Upsert and deactivate use the tombstones only with a configured repository, else they work as before: in
        // the in-memory default, what a rehire finds would depend on when the process last started.
        KnownDeactivations deactivations = new KnownDeactivations(client.users(), configuration.getMatchAttribute(),
                configuration.getStateRepository() == null ? null
                        : new DeactivatedUsers(endpoint.stateRepository(), endpoint.stateNamespace()));
        UserOperations users = new UserOperations(client.users(), resource, configuration.isAllowHardDelete(),
                deactivations);
        // one memory of the attributes the tenant does not keep, so that upsert and reconcile leave out the same ones
        AttributeConvergence convergence = new AttributeConvergence(endpoint.ignoredAttributes());
        UserUpsert userUpsert = new UserUpsert(client.users(), resource, configuration.getMatchAttribute(),
                deactivations, convergence);
        DeactivatedUsers memory = new DeactivatedUsers(endpoint.stateRepository(), endpoint.stateNamespace());
        PlanApplier applier = new PlanApplier(client.users(), client.groups(), confirmedMemberships(client), memory,
                convergence, endpoint.tenantVersions(), configuration, endpoint.tenantHost(),
                endpoint.getCamelContext().getExecutorServiceManager(), Clock.systemUTC());
        PlanGate gate = new PlanGate(configuration, this::pendingPlans);
        UserReconcile userReconcile = new UserReconcile(client.users(), client.groups(), configuration, memory,
                convergence, applier, gate, Clock.systemUTC());
        PlanOperations plans = new PlanOperations(applier, gate, this::pendingPlans, convergence,
                endpoint.auditRecorder());
        addCommonHandlers(resource);
        handlers.put(CREATE, resource::create);
        handlers.put(DELETE, users::delete);
        handlers.put(UPSERT, userUpsert::upsert);
        handlers.put(DEACTIVATE, users::deactivate);
        handlers.put(REACTIVATE, users::reactivate);
        handlers.put(RECONCILE, userReconcile::reconcile);
        handlers.put(APPLY, plans::apply);
        handlers.put(APPROVE, plans::approve);
        handlers.put(REJECT, plans::reject);
        handlers.put(REVERT, new RunRevert(configuration, plans::applyThroughBreaker, Clock.systemUTC())::revert);
    }

    /** The integration decides which members a group may hold, and what a DELETE and a create of a name do. */
    private void addGroupHandlers(ScimClient client, LucidScimConfiguration configuration) {
        LucidScimIntegration integration = configuration.getIntegration();
        boolean subGroups = integration.groupsHoldSubGroups();
        ResourceOperations<ScimGroup> resource = new ResourceOperations<>(client.groups(),
                ConfirmedCreate.groups(client.groups()), configuration, endpoint.resultCap(),
                group -> InputValidation.requireCompleteGroup(group, subGroups));
        GroupMembershipPatches memberships = confirmedMemberships(client);
        GroupCreate creates = new GroupCreate(client.groupMemberships(), ConfirmedCreate.groups(client.groups()),
                integration.groupsArchiveOnDelete());
        GroupOperations groups = new GroupOperations(memberships, creates, subGroups);
        GroupUpsert groupUpsert = new GroupUpsert(client.groups(), memberships, creates, subGroups);
        LucidScimOutcome deleted = integration.groupsArchiveOnDelete() ? LucidScimOutcome.ARCHIVED
                : LucidScimOutcome.DELETED;
        addCommonHandlers(resource);
        handlers.put(CREATE, groups::create);
        handlers.put(DELETE, exchange -> resource.delete(exchange, deleted));
        handlers.put(UPSERT, groupUpsert::upsert);
        handlers.put(ADD_MEMBERS, groups::addMembers);
        handlers.put(REMOVE_MEMBERS, groups::removeMembers);
    }

    /** The operations users and groups have alike, done alike. */
    private void addCommonHandlers(ResourceOperations<? extends ScimResource> resource) {
        handlers.put(GET, resource::get);
        handlers.put(SEARCH, resource::search);
        handlers.put(REPLACE, resource::replace);
        handlers.put(PATCH, resource::patch);
    }

    private PendingPlans pendingPlans() {
        try {
            return endpoint.pendingPlans();
        } catch (Exception e) {
            throw new IllegalStateException("The state repository of pending plans cannot be started: "
                                            + e.getMessage(), e);
        }
    }

    /** Group writes in chunks of membersPerPatch, creates confirmed so that a lost answer is not a duplicate. */
    private static GroupMembershipPatches confirmedMemberships(ScimClient client) {
        return client.groupMemberships().creatingWith(ConfirmedCreate.groups(client.groups())::create);
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
            operation = MessageInput.operation(exchange.getMessage(), endpoint.getConfiguration().getOperation());
            Processor handler = handlerOf(operation);
            AuditScope.of(exchange, operation, endpoint.auditRecorder() != null)
                    .within(() -> handler.process(exchange));
        } catch (Exception e) {
            statistics.failed(operation, e);
            throw e;
        }
        statistics.succeeded(operation, exchange.getMessage());
    }

    private Processor handlerOf(LucidScimOperation operation) {
        Processor handler = handlers.get(operation);
        if (handler == null) {
            throw ScimValidationException.beforeRequest("Operation " + operation + " does not apply to lucid-scim:"
                                                        + endpoint.getResource() + ": use one of "
                                                        + endpoint.getResource().operations());
        }
        return handler;
    }
}
