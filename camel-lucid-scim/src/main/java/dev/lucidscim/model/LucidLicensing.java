package dev.lucidscim.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Lucid's licensing extension, served under {@link ScimSchemas#LUCID_USER_V1} (product licenses) or
 * {@link ScimSchemas#LUCID_USER_V2} (product licenses and billing code). Keys of {@code productLicenses} are the
 * constants of {@link LucidProducts}. Licensing in Lucid follows organizational-group membership; whether these
 * flags take effect on a tenant is not documented by Lucid.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LucidLicensing(
        Map<String, Boolean> productLicenses,
        String billingCode,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public LucidLicensing {
        productLicenses = Attributes.copyOfNullable(productLicenses);
        extra = Attributes.copyOf(extra);
    }

    public static LucidLicensing of(Map<String, Boolean> productLicenses) {
        return new LucidLicensing(productLicenses, null, null);
    }
}
