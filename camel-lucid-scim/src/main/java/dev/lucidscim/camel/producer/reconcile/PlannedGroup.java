package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

/**
 * A group write the plan needs, or a group left alone.
 *
 * @param item      the report line
 * @param addIds    the Lucid ids to add (people created in this run are only known once applied)
 * @param removeIds the Lucid ids to remove
 */
record PlannedGroup(GroupReconcileItem item, List<String> addIds, List<String> removeIds) {

    boolean isWrite() {
        return item.action() == GroupAction.CREATE || item.action() == GroupAction.UPDATE;
    }
}
