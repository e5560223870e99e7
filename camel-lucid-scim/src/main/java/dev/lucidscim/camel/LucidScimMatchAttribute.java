package dev.lucidscim.camel;

import java.util.Locale;

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

    /**
     * A value of this attribute as users are matched on it: userName without regard to case, externalId exactly
     * (both without surrounding blanks); null when the value is null or blank.
     */
    public String key(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return this == userName ? value.strip().toLowerCase(Locale.ROOT) : value.strip();
    }
}
