package dev.lucidscim.examples.hr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders people so that everyone comes after their manager: then, when a person is provisioned, the manager's Lucid
 * id is already known and the enterprise {@code manager} can be set in the same request.
 */
final class ManagersFirst {

    private ManagersFirst() {
    }

    static List<HrRow> order(List<HrRow> rows) {
        Map<String, HrRow> byEmail = new HashMap<>();
        rows.forEach(row -> byEmail.put(row.email(), row));
        Map<HrRow, Integer> depth = new HashMap<>();
        rows.forEach(row -> depthOf(row, byEmail, depth, 0));
        List<HrRow> ordered = new ArrayList<>(rows);
        ordered.sort((a, b) -> Integer.compare(depth.get(a), depth.get(b)));
        return ordered;
    }

    /** Levels below the top of the chart; a manager outside the file counts as the top, a cycle stops the climb. */
    private static int depthOf(HrRow row, Map<String, HrRow> byEmail, Map<HrRow, Integer> depth, int climbed) {
        Integer known = depth.get(row);
        if (known != null) {
            return known;
        }
        HrRow manager = row.managerEmail() == null ? null : byEmail.get(row.managerEmail());
        int level = manager == null || manager == row || climbed > byEmail.size() ? 0
                : depthOf(manager, byEmail, depth, climbed + 1) + 1;
        depth.put(row, level);
        return level;
    }
}
