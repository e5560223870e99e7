package dev.lucidscim.examples.hr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.lucidscim.camel.producer.reconcile.ReconcileRoster;
import dev.lucidscim.camel.producer.reconcile.RosterGroup;
import dev.lucidscim.model.ScimUser;

/**
 * An HR export as reconcile's roster: account holders with their attributes and licences, leavers marked inactive,
 * managers and department members by e-mail (the userName; their Lucid ids are reconcile's business). The reconcile
 * mode's routes send it, and the benchmarks send the same roster to a Lucid-like simulator.
 */
public final class HrRoster {

    private HrRoster() {
    }

    public static ReconcileRoster of(HrExport export, HrUserMapper mapper) {
        List<HrRow> accountHolders = export.accountHolders();
        // leavers too, marked inactive: deactivated if Lucid has them active, else counted unchanged (as upsert does)
        List<ScimUser> users = new ArrayList<>();
        accountHolders.forEach(row -> users.add(mapper.toUser(row, email -> null)));
        export.leavers().forEach(row -> users.add(mapper.toUser(row, email -> null)));
        // as in the upsert mode, a manager is someone of the export who keeps an account
        Set<String> holders = accountHolders.stream().map(row -> row.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, String> managers = new LinkedHashMap<>();
        Map<String, List<String>> departments = new TreeMap<>();
        for (HrRow row : accountHolders) {
            if (row.managerEmail() != null && holders.contains(row.managerEmail().toLowerCase(Locale.ROOT))) {
                managers.put(row.email(), row.managerEmail());
            }
            departments.computeIfAbsent(row.department(), name -> new ArrayList<>()).add(row.email());
        }
        List<RosterGroup> groups = departments.entrySet().stream()
                .map(department -> new RosterGroup(department.getKey(), department.getValue())).toList();
        return ReconcileRoster.of(users).withManagers(managers).withGroups(groups);
    }
}
