package dev.lucidscim.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/** The enterprise user extension ({@link ScimSchemas#ENTERPRISE_USER}) with the attributes Lucid stores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnterpriseUser(
        String employeeNumber,
        String costCenter,
        String organization,
        String division,
        String department,
        ScimManager manager,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public EnterpriseUser {
        extra = Attributes.copyOf(extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.employeeNumber = employeeNumber;
        builder.costCenter = costCenter;
        builder.organization = organization;
        builder.division = division;
        builder.department = department;
        builder.manager = manager;
        builder.extra.putAll(extra);
        return builder;
    }

    /** Builds an enterprise extension; every attribute is optional. */
    public static final class Builder {
        private String employeeNumber;
        private String costCenter;
        private String organization;
        private String division;
        private String department;
        private ScimManager manager;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder employeeNumber(String employeeNumber) {
            this.employeeNumber = employeeNumber;
            return this;
        }

        public Builder costCenter(String costCenter) {
            this.costCenter = costCenter;
            return this;
        }

        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public Builder division(String division) {
            this.division = division;
            return this;
        }

        public Builder department(String department) {
            this.department = department;
            return this;
        }

        /** The manager by Lucid user id. */
        public Builder manager(String managerId) {
            this.manager = managerId == null ? null : ScimManager.of(managerId);
            return this;
        }

        public Builder attribute(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public EnterpriseUser build() {
            return new EnterpriseUser(employeeNumber, costCenter, organization, division, department, manager, extra);
        }
    }
}
