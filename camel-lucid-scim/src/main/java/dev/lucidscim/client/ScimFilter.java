package dev.lucidscim.client;

import java.util.regex.Pattern;

import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimJson;

/**
 * Builds the one kind of filter Lucid serves: {@code <attribute> eq "<value>"}, with the value written as a JSON
 * string (quotes, backslashes and control characters escaped), so that no value can add an operator or a clause.
 */
public final class ScimFilter {

    /** {@code [schemaURN:]attribute[.subAttribute]}, as in RFC 7644's attrPath. */
    private static final Pattern ATTRIBUTE_PATH
            = Pattern.compile("(urn:[A-Za-z0-9:._-]+:)?[A-Za-z][A-Za-z0-9_$-]*(\\.[A-Za-z][A-Za-z0-9_$-]*)?");

    private ScimFilter() {
    }

    public static String eq(String attribute, String value) {
        if (attribute == null || !ATTRIBUTE_PATH.matcher(attribute).matches()) {
            throw ScimValidationException.beforeRequest("'" + attribute + "' is not a SCIM attribute path such as "
                                                        + "userName, emails.value or externalId");
        }
        if (value == null) {
            throw ScimValidationException.beforeRequest("No value to match " + attribute + " against");
        }
        return attribute + " eq " + ScimJson.quote(value);
    }
}
