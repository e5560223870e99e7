package dev.lucidscim.camel;

import dev.lucidscim.model.ScimUser;

/** The user attribute upsert (and reconcile) match on. */
public enum LucidScimMatchAttribute {
    /** The login name, usually the e-mail address: what Entra ID and Okta match on. */
    userName,
    /** The HR system's id of the person. */
    externalId;

    /** The value of this attribute in a user, or null. */
    public String valueOf(ScimUser user) {
        return this == externalId ? user.externalId() : user.userName();
    }
}
