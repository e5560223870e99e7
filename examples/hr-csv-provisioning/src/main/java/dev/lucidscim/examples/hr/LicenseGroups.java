package dev.lucidscim.examples.hr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.LucidProducts;

/**
 * Licences as organizational-group membership, for Lucid accounts that license through org groups (where a write of
 * {@code productLicenses} succeeds and changes nothing): each product's group holds the people whose
 * {@code licensed_products} name it, and the group's licence settings in Lucid grant the product. Set as
 * {@code hr.license-groups} / {@code HR_LICENSE_GROUPS}, such as
 * {@code Lucidchart=Lucidchart users,Lucidspark=Lucidspark users}; empty (the default): licences are written per user.
 *
 * @param groupByProduct the group of each product (products in their {@link LucidProducts} spelling)
 */
public record LicenseGroups(Map<String, String> groupByProduct) {

    /** Licences written per user. */
    public static final LicenseGroups NONE = new LicenseGroups(Map.of());

    private static final List<String> PRODUCTS = HrUserMapper.PRODUCTS;

    public LicenseGroups {
        groupByProduct = Map.copyOf(groupByProduct);
    }

    /** {@code product=group name,...}; products in any case; blank: {@link #NONE}. */
    public static LicenseGroups parse(String setting) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String product = equals < 0 ? null : PRODUCTS.stream()
                    .filter(known -> known.equalsIgnoreCase(entry.substring(0, equals).strip())).findFirst()
                    .orElse(null);
            String group = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (product == null || group.isEmpty()) {
                throw new IllegalArgumentException("hr.license-groups (HR_LICENSE_GROUPS) takes product=group name "
                                                   + "pairs separated by commas, with products among " + PRODUCTS
                                                   + ", not " + OneLine.quoted(entry.strip()));
            }
            if (groups.put(product, group) != null) {
                throw new IllegalArgumentException("hr.license-groups (HR_LICENSE_GROUPS) names " + product
                                                   + " twice: give each product one group");
            }
        }
        return new LicenseGroups(groups);
    }

    public boolean isEmpty() {
        return groupByProduct.isEmpty();
    }

    /** Every product's group, in product order. */
    public List<String> groupNames() {
        return PRODUCTS.stream().filter(groupByProduct::containsKey).map(groupByProduct::get).toList();
    }

    /** The groups of the products this person is licensed for. */
    public List<String> groupsOf(HrRow row) {
        return PRODUCTS.stream().filter(groupByProduct::containsKey)
                .filter(product -> row.licensedProducts().stream().anyMatch(product::equalsIgnoreCase))
                .map(groupByProduct::get).toList();
    }
}
