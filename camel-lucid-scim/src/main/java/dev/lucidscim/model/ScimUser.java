package dev.lucidscim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Lucid user: the SCIM core user attributes Lucid documents, the enterprise extension and both Lucid licensing
 * extensions. Everything else the server sends, other extension schemas included, is kept in {@link #extra()} and
 * written back unchanged, so a get-modify-replace round trip loses nothing.
 * <p>
 * Build one with {@link #builder()}; change one with {@link #toBuilder()}. {@code password} is write-only at Lucid
 * and never shown by {@link #toString()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimUser(
        List<String> schemas,
        String id,
        String externalId,
        ScimMeta meta,
        String userName,
        ScimName name,
        String displayName,
        String title,
        Boolean active,
        String password,
        List<ScimMultiValue> emails,
        List<ScimMultiValue> phoneNumbers,
        List<ScimMultiValue> roles,
        List<ScimReference> groups,
        @JsonProperty(ScimSchemas.ENTERPRISE_USER) EnterpriseUser enterprise,
        @JsonProperty(ScimSchemas.LUCID_USER_V1) LucidLicensing lucidV1,
        @JsonProperty(ScimSchemas.LUCID_USER_V2) LucidLicensing lucidV2,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ScimResource {

    public ScimUser {
        schemas = Attributes.copyOfNullable(schemas);
        emails = Attributes.copyOfNullable(emails);
        phoneNumbers = Attributes.copyOfNullable(phoneNumbers);
        roles = Attributes.copyOfNullable(roles);
        groups = Attributes.copyOfNullable(groups);
        extra = Attributes.copyOf(extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This user with the {@code schemas} a strict server requires: the core schema and every extension whose
     * attributes are present added to those listed (none removed).
     */
    public ScimUser withRequiredSchemas() {
        return new ScimUser(ScimSchemas.required(ScimSchemas.CORE_USER, schemas,
                extensionsSet(enterprise, lucidV1, lucidV2), extra), id, externalId, meta, userName, name,
                displayName, title, active, password, emails, phoneNumbers, roles, groups, enterprise, lucidV1, lucidV2,
                extra);
    }

    private static List<String> extensionsSet(EnterpriseUser enterprise, LucidLicensing lucidV1,
                                              LucidLicensing lucidV2) {
        List<String> set = new ArrayList<>(3);
        if (enterprise != null) {
            set.add(ScimSchemas.ENTERPRISE_USER);
        }
        if (lucidV1 != null) {
            set.add(ScimSchemas.LUCID_USER_V1);
        }
        if (lucidV2 != null) {
            set.add(ScimSchemas.LUCID_USER_V2);
        }
        return set;
    }

    /** The primary e-mail address, else the first one, else null. */
    @JsonIgnore
    public String primaryEmail() {
        if (emails == null || emails.isEmpty()) {
            return null;
        }
        return emails.stream()
                .filter(email -> Boolean.TRUE.equals(email.primary()))
                .findFirst()
                .orElse(emails.get(0))
                .value();
    }

    @Override
    public String toString() {
        return "ScimUser[id=" + id + ", userName=" + userName + ", externalId=" + externalId + ", active=" + active
               + ", name=" + name + ", emails=" + emails + ", title=" + title
               + (password != null ? ", password=****" : "") + "]";
    }

    /** Builds a user; {@code schemas} always lists the core schema and every extension that is set. */
    public static final class Builder extends ResourceBuilder<Builder> {
        private String userName;
        private ScimName name;
        private String displayName;
        private String title;
        private Boolean active;
        private String password;
        private List<ScimMultiValue> emails;
        private List<ScimMultiValue> phoneNumbers;
        private List<ScimMultiValue> roles;
        private List<ScimReference> groups;
        private EnterpriseUser enterprise;
        private LucidLicensing lucidV1;
        private LucidLicensing lucidV2;

        private Builder() {
        }

        private Builder(ScimUser user) {
            super(user);
            userName = user.userName;
            name = user.name;
            displayName = user.displayName;
            title = user.title;
            active = user.active;
            password = user.password;
            emails = user.emails;
            phoneNumbers = user.phoneNumbers;
            roles = user.roles;
            groups = user.groups;
            enterprise = user.enterprise;
            lucidV1 = user.lucidV1;
            lucidV2 = user.lucidV2;
        }

        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        public Builder name(ScimName name) {
            this.name = name;
            return this;
        }

        public Builder name(String givenName, String familyName) {
            return name(ScimName.of(givenName, familyName));
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        /** Write-only, 8 characters or more; Lucid never returns it. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder emails(List<ScimMultiValue> emails) {
            this.emails = emails;
            return this;
        }

        /** Sets a single primary work e-mail address. */
        public Builder email(String address) {
            return emails(List.of(ScimMultiValue.workEmail(address)));
        }

        public Builder phoneNumbers(List<ScimMultiValue> phoneNumbers) {
            this.phoneNumbers = phoneNumbers;
            return this;
        }

        public Builder roles(List<ScimMultiValue> roles) {
            this.roles = roles;
            return this;
        }

        public Builder groups(List<ScimReference> groups) {
            this.groups = groups;
            return this;
        }

        public Builder enterprise(EnterpriseUser enterprise) {
            this.enterprise = enterprise;
            return this;
        }

        public Builder lucidV1(LucidLicensing lucidV1) {
            this.lucidV1 = lucidV1;
            return this;
        }

        public Builder lucidV2(LucidLicensing lucidV2) {
            this.lucidV2 = lucidV2;
            return this;
        }

        public ScimUser build() {
            return new ScimUser(schemasWithExtensions(), id, externalId, meta, userName, name, displayName, title,
                    active, password, emails, phoneNumbers, roles, groups, enterprise, lucidV1, lucidV2, extra);
        }

        /** The required schemas, without the known extensions that are not set. */
        private List<String> schemasWithExtensions() {
            List<String> all = ScimSchemas.required(ScimSchemas.CORE_USER, schemas,
                    extensionsSet(enterprise, lucidV1, lucidV2), extra);
            unlistedWhenUnset(all, ScimSchemas.ENTERPRISE_USER, enterprise);
            unlistedWhenUnset(all, ScimSchemas.LUCID_USER_V1, lucidV1);
            unlistedWhenUnset(all, ScimSchemas.LUCID_USER_V2, lucidV2);
            return all;
        }

        private static void unlistedWhenUnset(List<String> schemas, String urn, Object extension) {
            if (extension == null) {
                schemas.remove(urn);
            }
        }
    }
}
