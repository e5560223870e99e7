package dev.lucidscim.examples.hr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.examples.hr.ProvisioningRun.Result;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HR feed: each CSV dropped in the inbox is read, rejected rows go to an error file, account holders are
 * upserted (managers first, so that each person's manager id is known), leavers are deactivated, department groups
 * (and, with licence groups, each product's group: {@link LicenseGroups}) are brought to exactly their people, and a
 * summary is printed. A row that fails at Lucid is
 * recorded with its reason and does not stop the rest.
 */
public class HrCsvRoutes extends RouteBuilder {

    private static final String RUN = "hrRun";
    private static final String ROW = "hrRow";
    private static final String GROUP = "hrGroup";
    private static final String GROUP_RESULT = "hrGroupResult";

    private final HrSettings settings;
    private final HrUserMapper mapper;
    private final String target;
    private final HrFeedListener<ProvisioningRun> listener;

    /**
     * @param target     how the summary names the Lucid it provisioned to
     * @param listener   told of each file, done or failed (the application stops after the first in once mode)
     */
    public HrCsvRoutes(HrSettings settings, String target, HrFeedListener<ProvisioningRun> listener) {
        this.settings = settings;
        this.mapper = new HrUserMapper(settings.writesUserLicenses());
        this.target = target;
        this.listener = listener;
    }

    @Override
    public void configure() {
        HrInbox.from(this, settings, "hr-csv-file", listener)
                .process(this::readExport)
                .split(simple("${body.accountHolders}")).to("direct:hr-account-holder").end()
                .split(simple("${body.leavers}")).to("direct:hr-leaver").end()
                .split(method(this, "departmentGroups")).to("direct:hr-department-group").end()
                .process(this::finish);

        from("direct:hr-account-holder").routeId("hr-account-holder")
                .setProperty(ROW, body())
                .process(exchange -> exchange.getMessage().setBody(mapper.toUser(row(exchange),
                        run(exchange)::lucidIdOf)))
                .doTry()
                    .to("lucid-scim:users?operation=upsert" + HrCsvProvisioningApp.STATE_OPTIONS)
                    .process(this::accountHolderDone)
                .doCatch(ScimException.class)
                    .process(exchange -> run(exchange).userFailed(row(exchange), caught(exchange)))
                .end();

        from("direct:hr-leaver").routeId("hr-leaver")
                .setProperty(ROW, body())
                .process(exchange -> exchange.getMessage().setBody(mapper.toLeaver(row(exchange))))
                .doTry()
                    .to("lucid-scim:users?operation=deactivate" + HrCsvProvisioningApp.STATE_OPTIONS)
                    .process(exchange -> run(exchange).userDone(row(exchange), resultOf(exchange), null))
                .doCatch(ScimException.class)
                    .process(exchange -> run(exchange).userFailed(row(exchange), caught(exchange)))
                .end();

        from("direct:hr-department-group").routeId("hr-department-group")
                .setProperty(GROUP, body())
                .process(exchange -> {
                    DepartmentGroup group = group(exchange);
                    exchange.getMessage().setBody(group.group());
                    exchange.getMessage().setHeader(LucidScimConstants.MEMBER_IDS, group.memberIdsToAdd());
                })
                .doTry()
                    .to("lucid-scim:groups?operation=upsert")
                    .process(exchange -> exchange.setProperty(GROUP_RESULT, resultOf(exchange)))
                    .to("direct:hr-add-members-only")
                    .process(exchange -> run(exchange).groupDone(group(exchange).name(),
                            exchange.getProperty(GROUP_RESULT, Result.class)))
                .doCatch(ScimException.class)
                    .process(exchange -> run(exchange).groupFailed(group(exchange).name(), caught(exchange)))
                .end();

        from("direct:hr-add-members-only").routeId("hr-add-members-only")
                .process(HrCsvRoutes::keepOnlyMissingMembers)
                .filter(header(LucidScimConstants.MEMBER_IDS).isNotNull())
                .to("lucid-scim:groups?operation=addMembers")
                // a group the upsert left alone was changed after all
                .process(exchange -> exchange.setProperty(GROUP_RESULT, exchange.getProperty(GROUP_RESULT) == Result.CREATED
                        ? Result.CREATED : Result.UPDATED));
    }

    private void readExport(Exchange exchange) throws Exception {
        HrExport export = HrInbox.read(exchange);
        ProvisioningRun run = new ProvisioningRun(export.fileName());
        run.rejected(export.rejected());
        exchange.setProperty(RUN, run);
        exchange.getMessage().setBody(export);
    }

    private void accountHolderDone(Exchange exchange) {
        HrRow row = row(exchange);
        String id = exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
        run(exchange).userDone(row, resultOf(exchange), id);
        groupsOf(row).forEach(group -> run(exchange).member(group, id));
    }

    /** The groups a person belongs in: the department's (unless excluded), and the licence groups of their products. */
    private List<String> groupsOf(HrRow row) {
        List<String> groups = new ArrayList<>(settings.grantingGroups().groupsOf(row));
        if (!settings.excludedGroups().contains(row.department())) {
            groups.add(0, row.department());
        }
        return groups;
    }

    /**
     * One upsert per group (department or licence group): exactly its people, so movers leave their old group. When
     * someone of the group failed, whose account may be in it, members are only added, never removed.
     */
    public List<DepartmentGroup> departmentGroups(Exchange exchange) {
        ProvisioningRun run = run(exchange);
        List<HrRow> accountHolders = exchange.getMessage().getBody(HrExport.class).accountHolders();
        Set<String> failed = run.failures().stream().map(ProvisioningRun.Failure::who).collect(Collectors.toSet());
        accountHolders.stream().map(HrRow::department).distinct().filter(settings.excludedGroups()::contains)
                .forEach(run::groupExcluded);
        List<DepartmentGroup> groups = new ArrayList<>();
        run.membersByGroup().forEach((department, ids) -> {
            boolean incomplete = accountHolders.stream()
                    .anyMatch(row -> groupsOf(row).contains(department) && failed.contains(row.email()));
            groups.add(incomplete ? DepartmentGroup.addingOnly(department, ids)
                    : DepartmentGroup.exactly(department, ids));
        });
        return groups;
    }

    private void finish(Exchange exchange) throws Exception {
        ProvisioningRun run = run(exchange);
        HrExport export = exchange.getMessage().getBody(HrExport.class);
        Path errors = export.rejected().isEmpty() ? null : RejectedRowsFile.write(settings.errorFolder(), export);
        System.out.println(SummaryTable.render(run, target, errors == null ? "-" : errors.toString()));
        listener.fileDone(run);
    }

    private static Result resultOf(Exchange exchange) {
        return Result.of(exchange.getMessage().getHeader(LucidScimConstants.OUTCOME, String.class));
    }

    /** After the upsert, the body is the group as Lucid has it: only ids not in it yet are added (no write if none). */
    private static void keepOnlyMissingMembers(Exchange exchange) {
        List<?> toAdd = exchange.getMessage().getHeader(LucidScimConstants.MEMBER_IDS, List.class);
        if (toAdd == null) {
            return;
        }
        ScimGroup current = exchange.getMessage().getBody(ScimGroup.class);
        Set<String> present = current == null || current.members() == null ? Set.of()
                : current.members().stream().map(ScimReference::value).collect(Collectors.toSet());
        List<?> missing = toAdd.stream().filter(id -> !present.contains(id)).toList();
        exchange.getMessage().setHeader(LucidScimConstants.MEMBER_IDS, missing.isEmpty() ? null : missing);
    }

    private static DepartmentGroup group(Exchange exchange) {
        return exchange.getProperty(GROUP, DepartmentGroup.class);
    }

    private static ProvisioningRun run(Exchange exchange) {
        return exchange.getProperty(RUN, ProvisioningRun.class);
    }

    private static HrRow row(Exchange exchange) {
        return exchange.getProperty(ROW, HrRow.class);
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
