package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

import dev.lucidscim.camel.producer.AttributeDiff;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimUser;

/** The PATCH operations of each kind of user write, and the desired user with its manager set. */
final class UserWrites {

    static final PatchOperation DEACTIVATE = PatchOperation.replace("active", false);

    private UserWrites() {
    }

    /** Exactly the attributes of the roster that differ from Lucid's. */
    static List<PatchOperation> update(ScimUser current, ScimUser desired) {
        return AttributeDiff.between(current, desired);
    }

    /** Nothing is known of a deactivated account but its id: every attribute of the roster is written. */
    static List<PatchOperation> reactivation(ScimUser desired) {
        return AttributeDiff.between(ScimUser.builder().build(), desired.toBuilder().active(true).build());
    }

    static ScimUser withManager(ScimUser desired, String managerId) {
        EnterpriseUser enterprise = desired.enterprise() == null ? EnterpriseUser.builder().build()
                : desired.enterprise();
        return desired.toBuilder().enterprise(enterprise.toBuilder().manager(managerId).build()).build();
    }
}
