package dev.lucidscim.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;

/**
 * Lucid's filter dialect on top of the SCIM library's parser: exactly one {@code <attribute> eq <value>}
 * comparison; {@code and}, {@code or}, {@code not}, value paths and every other operator answer 400
 * {@code invalidFilter}, as Lucid does. Indexed attributes are looked up; others are matched by the library's
 * evaluator.
 */
final class LucidFilter {

    /** The attributes Lucid's filters are optimised for; its documentation calls any other "a very slow process". */
    private static final Set<String> OPTIMISED = Set.of("username", "emails.value", "displayname", "externalid");
    /** And the licence flags of the lucid 1.0 extension (not 2.0's): {@code ...:lucid:1.0:User:productLicenses.X}. */
    private static final String OPTIMISED_LICENCE_FLAGS = OrgGroupLicensing.LUCID_V1.toLowerCase(Locale.ROOT)
                                                          + ":productlicenses.";

    private LucidFilter() {
    }

    /** Whether Lucid optimises a filter on this comparison's attribute (see {@link #OPTIMISED}). */
    static boolean isOptimised(AttributeExpressionLeaf eq) {
        String attribute = eq.getFullName().toLowerCase(Locale.ROOT);
        return OPTIMISED.contains(attribute) || attribute.startsWith(OPTIMISED_LICENCE_FLAGS);
    }

    /** The one {@code eq} comparison of the filter, or null for no filter. */
    static AttributeExpressionLeaf requireSingleEq(FilterNode filter) {
        if (filter == null) {
            return null;
        }
        if (filter instanceof AttributeExpressionLeaf leaf && leaf.getComparator() == Comparator.EQ) {
            return leaf;
        }
        throw new BadRequestException("Unsupported filter '" + filter + "': Lucid supports a single 'eq' comparison, "
                                      + "such as userName eq \"jane@example.com\"", ScimType.RFC7644.INVALID_FILTER);
    }

    /**
     * The resources matching {@code attribute eq value}: from the index when there is one for the attribute, else by
     * evaluating the comparison over every candidate (ourselves for strings read by {@link StringEq}, else the
     * library).
     *
     * @param stringEq   the filter's string comparison as the HTTP layer decoded it, or null
     * @param indexed    looks an attribute and value up, or answers null when the attribute has no index
     * @param candidates every resource the filter may match
     */
    static <T extends ResourceNode> List<T> matching(AttributeExpressionLeaf leaf, StringEq stringEq,
                                                     FilterNode filter,
                                                     BiFunction<String, String, List<T>> indexed,
                                                     Supplier<List<T>> candidates, ServiceProvider serviceProvider) {
        String attribute = leaf.isMainSchemaNode() ? leaf.getFullName() : null;
        String value = stringEq != null ? stringEq.value() : leaf.getValue();
        List<T> found = attribute == null || value == null ? null : indexed.apply(attribute, value);
        if (found != null) {
            return found;
        }
        List<T> all = candidates.get();
        if (stringEq != null) {
            boolean caseExact = leaf.getSchemaAttribute().isCaseExact();
            return all.stream().filter(resource -> stringEq.matches(resource, caseExact)).toList();
        }
        if (!leaf.isMainSchemaNode()) {
            // The library's evaluator fails on resources that lack the extension: they cannot match an eq anyway.
            String extension = leaf.getSchemaAttribute().getSchema().getNonNullId();
            all = all.stream().filter(resource -> resource.has(extension)).toList();
        }
        return FilterResourceResolver.filterResources(serviceProvider, all, filter);
    }
}
