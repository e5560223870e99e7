package dev.lucidscim.camel;

import dev.lucidscim.client.MemberRemoval;

/**
 * Which SCIM server the endpoint talks to, where servers read the same request differently. Its {@code toString()}
 * is the value of the {@code dialect} option. Only the removal of group members differs; what works with both (the
 * {@code schemas} of every create and replace, deactivated users that stay listed, {@code meta.location} without a
 * {@code Location} header) is done in both.
 */
public enum LucidScimDialect {
    /** Lucid's: members removed with {@code {"op":"remove","path":"members","value":[...]}}. */
    LUCID(MemberRemoval.VALUE_LIST),
    /** RFC 7643/7644's, for other SCIM 2.0 servers: members removed with {@code members[value eq "id"]}. */
    STANDARD(MemberRemoval.VALUE_FILTER);

    private final MemberRemoval memberRemoval;

    LucidScimDialect(MemberRemoval memberRemoval) {
        this.memberRemoval = memberRemoval;
    }

    public MemberRemoval memberRemoval() {
        return memberRemoval;
    }

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
