package dev.lucidscim.error;

import java.util.List;

/**
 * A group's membership change sent in several requests stopped part way: the requests before the failing one were
 * applied, the rest were not. The message and the getters say how many and which are left; the cause is the failure
 * as it came (its status, {@code scimType} and {@code detail} are this exception's too). Since every request before
 * it was applied, a rerun of upsert, which compares members, finishes the job.
 */
public class ScimMembershipIncompleteException extends ScimException {

    private final String groupId;
    private final int membersApplied;
    private final List<String> memberIdsNotAdded;
    private final List<String> memberIdsNotRemoved;

    /**
     * @param membersApplied the member changes (adds and removes, and members of the create) Lucid confirmed
     */
    public ScimMembershipIncompleteException(String message, String groupId, int membersApplied,
                                             List<String> memberIdsNotAdded, List<String> memberIdsNotRemoved,
                                             ScimException cause) {
        super(message, cause.getRequest(), cause);
        this.groupId = groupId;
        this.membersApplied = membersApplied;
        this.memberIdsNotAdded = List.copyOf(memberIdsNotAdded);
        this.memberIdsNotRemoved = List.copyOf(memberIdsNotRemoved);
    }

    /** The group's id (of the group created, for a create). */
    public String getGroupId() {
        return groupId;
    }

    public int getMembersApplied() {
        return membersApplied;
    }

    public int getMembersNotApplied() {
        return memberIdsNotAdded.size() + memberIdsNotRemoved.size();
    }

    /** The members still to add, in the order given. */
    public List<String> getMemberIdsNotAdded() {
        return memberIdsNotAdded;
    }

    /** The members still to remove, in the order given. */
    public List<String> getMemberIdsNotRemoved() {
        return memberIdsNotRemoved;
    }
}
