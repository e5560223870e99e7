package dev.lucidscim.examples.hr;

import java.util.List;

/** An HR export as read: the header, the valid rows in file order, and the rejected ones. */
public record HrExport(String fileName, List<String> header, List<HrRow> rows, List<RejectedRow> rejected) {

    /** People who should have an active account, managers before the people they manage. */
    public List<HrRow> accountHolders() {
        return ManagersFirst.order(rows.stream().filter(row -> row.status().keepsAccount()).toList());
    }

    public List<HrRow> leavers() {
        return rows.stream().filter(row -> !row.status().keepsAccount()).toList();
    }
}
