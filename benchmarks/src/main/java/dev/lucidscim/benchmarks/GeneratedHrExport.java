package dev.lucidscim.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.examples.hr.HrCsvReader;
import dev.lucidscim.examples.hr.HrRow;
import dev.lucidscim.examples.hr.HrStatus;
import dev.lucidscim.examples.hr.HrUserMapper;
import dev.lucidscim.model.ScimJson;

/**
 * A generated HR export of {@code people} and yesterday's Lucid directory it is applied to, the same for the same
 * size. People are in 20 departments, each a tree under its head with 8 reports per manager, the heads under the CEO
 * (person 0). Today's export has about 1% leavers (terminated, still active in Lucid), 1% on leave and 2% joiners
 * (not in Lucid yet); against it, yesterday's directory has 3% other titles, 0.5% another department (so two groups
 * differ) and 0.5% another manager. Each share is every n-th person with n prime to the 20 departments, so that the
 * changes spread over all of them. Managers are neither leavers nor joiners, so everyone's manager has an account.
 */
final class GeneratedHrExport {

    static final List<String> DEPARTMENTS = List.of("Executive", "Engineering", "Product", "Design", "Sales",
            "Marketing", "Finance", "Legal", "People", "Support", "Operations", "Security", "Data", "Research",
            "Partnerships", "Procurement", "Facilities", "Education", "Consulting", "Quality");
    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace",
            "Hiro", "Ines", "Jon", "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara");
    private static final List<String> LAST_NAMES = List.of("Abe", "Banda", "Costa", "Dubois", "Eriksen", "Fischer",
            "Garcia", "Haddad", "Ivanova", "Jensen", "Kim", "Lopez", "Mensah", "Novak", "Okafor", "Park", "Quint",
            "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Wang", "Xu", "Yilmaz");
    private static final List<String> ROLES = List.of("Analyst", "Specialist", "Engineer", "Consultant",
            "Coordinator");
    private static final List<String> LICENCES = List.of("Lucidchart;Lucidspark", "Lucidchart",
            "Lucidspark;LucidscaleExplorer");
    private static final int REPORTS_PER_MANAGER = 8;

    private final int people;

    GeneratedHrExport(int people) {
        this.people = people;
    }

    String fileName() {
        return "generated-" + Comparison.size(people) + "-people.csv";
    }

    byte[] csv() {
        StringBuilder csv = new StringBuilder(String.join(",", HrCsvReader.COLUMNS)).append('\n');
        for (int i = 0; i < people; i++) {
            HrRow row = today(i);
            csv.append(String.join(",", row.employeeId(), row.email(), row.firstName(), row.lastName(),
                    row.department(), row.title(), row.managerEmail() == null ? "" : row.managerEmail(),
                    row.status().csvValue(), String.join(";", row.licensedProducts()))).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Yesterday's directory as a SeedFile: everyone but the joiners, managers first, and the department groups. */
    JsonNode seed() {
        HrUserMapper mapper = new HrUserMapper(true);
        ObjectNode seed = JsonNodeFactory.instance.objectNode();
        Map<String, List<String>> members = new LinkedHashMap<>();
        // a manager's index is below the indexes of the people managed: index order is managers first
        for (int i = 0; i < people; i++) {
            if (isJoiner(i)) {
                continue;
            }
            HrRow row = yesterday(i);
            ObjectNode user = (ObjectNode) ScimJson.toTree(mapper.toUser(row, email -> null));
            if (row.managerEmail() != null) {
                user.put("managerUserName", row.managerEmail());
            }
            seed.withArray("users").add(user);
            members.computeIfAbsent(row.department(), name -> new ArrayList<>()).add(row.email());
        }
        members.forEach((department, userNames) -> {
            ObjectNode group = seed.withArray("groups").addObject().put("displayName", department);
            userNames.forEach(group.putArray("memberUserNames")::add);
        });
        return seed;
    }

    private HrRow today(int i) {
        HrStatus status = isManager(i) ? HrStatus.ACTIVE : i % 97 == 57 ? HrStatus.TERMINATED
                : i % 89 == 31 ? HrStatus.ON_LEAVE : HrStatus.ACTIVE;
        return row(i, department(i), title(i), managerOf(i), status);
    }

    /** The same person in Lucid before today's export: active, and now and then another title, department or manager. */
    private HrRow yesterday(int i) {
        String department = i % 199 == 13 && !isManager(i) ? DEPARTMENTS.get((departmentIndex(i) + 1)
                                                                             % DEPARTMENTS.size()) : department(i);
        String title = i % 33 == 5 ? "Associate" : title(i);
        int manager = i % 211 == 101 && localIndex(i) > 0 ? departmentIndex(i) : managerOf(i);
        return row(i, department, title, manager, HrStatus.ACTIVE);
    }

    private HrRow row(int i, String department, String title, int manager, HrStatus status) {
        String first = FIRST_NAMES.get(i % FIRST_NAMES.size());
        String last = LAST_NAMES.get(i / FIRST_NAMES.size() % LAST_NAMES.size());
        return new HrRow(i + 2L, "E" + (100_000 + i), email(i), first, last, department, title,
                manager < 0 ? null : email(manager), status,
                List.of(LICENCES.get(departmentIndex(i) % LICENCES.size()).split(";")));
    }

    private static String email(int i) {
        return (FIRST_NAMES.get(i % FIRST_NAMES.size()) + "." + LAST_NAMES.get(i / FIRST_NAMES.size()
                % LAST_NAMES.size()) + "." + i + "@example.com").toLowerCase(Locale.ROOT);
    }

    private boolean isJoiner(int i) {
        return i % 53 == 19 && !isManager(i);
    }

    private static int departmentIndex(int i) {
        return i % DEPARTMENTS.size();
    }

    private static String department(int i) {
        return DEPARTMENTS.get(departmentIndex(i));
    }

    /** The place in the department's tree: 0 is its head. */
    private static int localIndex(int i) {
        return i / DEPARTMENTS.size();
    }

    /** The CEO has none (-1), a head has the CEO, anyone else the manager one level up in the department. */
    private static int managerOf(int i) {
        if (i == 0) {
            return -1;
        }
        int local = localIndex(i);
        return local == 0 ? 0 : departmentIndex(i) + DEPARTMENTS.size() * ((local - 1) / REPORTS_PER_MANAGER);
    }

    private boolean isManager(int i) {
        int firstReport = departmentIndex(i) + DEPARTMENTS.size() * (REPORTS_PER_MANAGER * localIndex(i) + 1);
        return i == 0 || firstReport < people;
    }

    private String title(int i) {
        if (i == 0) {
            return "Chief Executive Officer";
        }
        if (localIndex(i) == 0) {
            return "Head of " + department(i);
        }
        return isManager(i) ? "Team Lead" : ROLES.get(localIndex(i) % ROLES.size());
    }
}
