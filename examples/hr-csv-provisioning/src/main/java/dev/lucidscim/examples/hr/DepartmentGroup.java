package dev.lucidscim.examples.hr;

import java.util.List;

import dev.lucidscim.model.ScimGroup;

/**
 * A department group to push: the group with exactly its members, or, when someone of the department failed (and
 * may be in the group already), the group without members plus the ids to add, so that nobody is removed by mistake.
 */
public record DepartmentGroup(ScimGroup group, List<String> memberIdsToAdd) {

    public static DepartmentGroup exactly(String department, List<String> memberIds) {
        return new DepartmentGroup(ScimGroup.builder().displayName(department).memberIds(memberIds).build(), null);
    }

    public static DepartmentGroup addingOnly(String department, List<String> memberIds) {
        return new DepartmentGroup(ScimGroup.builder().displayName(department).build(), memberIds);
    }

    public String name() {
        return group.displayName();
    }
}
