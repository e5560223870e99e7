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
 * managers, and department members (and, with licence groups, each product's licensees) by e-mail (the userName; their Lucid ids are reconcile's business). The reconcile
 * mode's routes send it, and the benchmarks send the same roster to a Lucid-like simulator.
 */
public final class HrRoster {

    private HrRoster() {
    }

    /** Licences as the mapper writes them (per user, or not at all). */
    public static ReconcileRoster of(HrExport export, HrUserMapper mapper) {
        return of(export, mapper, LicenseGroups.NONE);
    }

    /** With each licence group of {@code licenseGroups} holding exactly the people licensed for its product. */
    public static ReconcileRoster of(HrExport export, HrUserMapper mapper, LicenseGroups licenseGroups) {
        List<HrRow> accountHolders = export.accountHolders();
        // leavers too, marked inactive: deactivated if Lucid has them active, else counted unchanged (as upsert does)
        List<ScimUser> users = new ArrayList<>();
        accountHolders.forEach(row -> users.add(mapper.toUser(row, email -> null)));
        export.leavers().forEach(row -> users.add(mapper.toUser(row, email -> null)));
        // as in the upsert mode, a manager is someone of the export who keeps an account
        Set<String> holders = accountHolders.stream().map(row -> row.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, String> managers = new LinkedHashMap<>();
        Map<String, List<String>> members = new TreeMap<>();
        // every licence group, so that one whose last licensee left is emptied
        licenseGroups.groupNames().forEach(group -> members.put(group, new ArrayList<>()));
        for (HrRow row : accountHolders) {
            if (row.managerEmail() != null && holders.contains(row.managerEmail().toLowerCase(Locale.ROOT))) {
                managers.put(row.email(), row.managerEmail());
            }
            members.computeIfAbsent(row.department(), name -> new ArrayList<>()).add(row.email());
            licenseGroups.groupsOf(row).forEach(group -> members.get(group).add(row.email()));
        }
        List<RosterGroup> groups = members.entrySet().stream()
                .map(group -> new RosterGroup(group.getKey(), group.getValue())).toList();
        return ReconcileRoster.of(users).withManagers(managers).withGroups(groups);
    }
}
