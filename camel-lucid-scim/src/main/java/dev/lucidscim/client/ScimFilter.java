package dev.lucidscim.client;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
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

    /** A quoted value, escapes included: dropped before a filter's attributes are read. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    /** An attribute path followed by a comparison operator. */
    private static final Pattern COMPARED_ATTRIBUTE = Pattern.compile(
            "(" + ATTRIBUTE_PATH.pattern() + ")\\s+(?i:eq|ne|co|sw|ew|gt|ge|lt|le|pr)\\b");

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

    /**
     * The attributes a filter compares, without its values: filters hold user names and e-mail addresses, which
     * stay out of the log. Quoted values are dropped first, so that a value cannot pass for an attribute.
     */
    public static List<String> attributesOf(String filter) {
        String withoutValues = QUOTED_VALUE.matcher(filter).replaceAll("\"\"");
        Set<String> attributes = new LinkedHashSet<>();
        Matcher comparison = COMPARED_ATTRIBUTE.matcher(withoutValues);
        while (comparison.find()) {
            attributes.add(comparison.group(1));
        }
        return attributes.isEmpty() ? List.of("(no attribute recognised)") : List.copyOf(attributes);
    }
}
