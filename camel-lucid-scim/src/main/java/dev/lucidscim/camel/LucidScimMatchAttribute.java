package dev.lucidscim.camel;

import java.util.Locale;

import dev.lucidscim.model.ScimUser;

/**
 * The user attribute upsert (and reconcile) match on. Its {@code toString()} is the SCIM attribute's name, which is
 * also the value of the {@code matchAttribute} option.
 */
public enum LucidScimMatchAttribute {
    /** The login name, usually the e-mail address: what Entra ID and Okta match on. */
    USER_NAME,
    /** The HR system's id of the person. */
    EXTERNAL_ID;

    /** The SCIM attribute: {@code userName}, {@code externalId}. */
    public String attribute() {
        return EnumNames.lowerCamel(this);
    }

    /** The value of this attribute in a user, or null. */
    public String valueOf(ScimUser user) {
        return this == EXTERNAL_ID ? user.externalId() : user.userName();
    }

    /**
     * A value of this attribute as users are matched on it: userName without regard to case, externalId exactly
     * (both without surrounding blanks); null when the value is null or blank.
     */
    public String key(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return this == USER_NAME ? value.strip().toLowerCase(Locale.ROOT) : value.strip();
    }

    @Override
    public String toString() {
        return attribute();
    }
}
