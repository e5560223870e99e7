package dev.lucidscim.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.resources.User;

/**
 * An account that licenses through organizational groups, as Lucid's accounts do once they move to the org groups
 * experience: "if we receive a SCIM request that attempts to modify a Lucid user's license values ... no changes will
 * be made". A write's {@code productLicenses} (in either Lucid extension) is accepted as usual and never shown: a read
 * shows every product, granted when a group the user is in (directly or through sub-groups) grants it. Groups' licence settings
 * are given by name. Off (the default), licences are stored as written. Immutable once built.
 */
final class OrgGroupLicensing {

    static final String LUCID_V1 = "urn:ietf:params:scim:schemas:extension:lucid:1.0:User";
    static final String LUCID_V2 = "urn:ietf:params:scim:schemas:extension:lucid:2.0:User";
    /** The products of both Lucid licensing extensions, as their schemas spell them. */
    static final List<String> PRODUCTS = List.of("Lucidchart", "Lucidspark", "LucidscaleCreator",
            "LucidscaleExplorer");
    private static final String PRODUCT_LICENSES = "productLicenses";

    static final OrgGroupLicensing OFF = new OrgGroupLicensing(false, Map.of());

    private final boolean enabled;
    /** Group name to product (as {@link #PRODUCTS} spells it) to whether the group grants it. */
    private final Map<String, Map<String, Boolean>> licencesByGroup;

    private OrgGroupLicensing(boolean enabled, Map<String, Map<String, Boolean>> licencesByGroup) {
        this.enabled = enabled;
        this.licencesByGroup = licencesByGroup;
    }

    /** On, without any group granting anything yet. */
    static OrgGroupLicensing on() {
        return new OrgGroupLicensing(true, Map.of());
    }

    /**
     * On, with this group's settings added (replacing any it had): products named in any case, as in
     * {@code Map.of("lucidchart", true)}; an unknown product is refused, naming the known ones.
     */
    OrgGroupLicensing withGroup(String groupName, Map<String, Boolean> licences) {
        if (groupName == null || groupName.isBlank()) {
            throw new IllegalArgumentException("Group licences need the group's displayName");
        }
        Map<String, Boolean> settings = new LinkedHashMap<>();
        licences.forEach((product, granted) -> {
            if (granted == null) {
                throw new IllegalArgumentException("Group '" + groupName + "': say true or false for " + product);
            }
            settings.put(productNamed(product), granted);
        });
        Map<String, Map<String, Boolean>> groups = new LinkedHashMap<>(licencesByGroup);
        groups.put(groupName, Map.copyOf(settings));
        return new OrgGroupLicensing(true, Map.copyOf(groups));
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * Sets the user's licences, in both Lucid extensions, to what these groups grant: whatever a write stored is
     * never shown, so a licence write changes nothing a client can read.
     */
    void show(User user, Set<String> groupNames) {
        Map<String, Boolean> granted = new LinkedHashMap<>();
        PRODUCTS.forEach(product -> granted.put(product, false));
        for (String group : groupNames) {
            licencesByGroup.getOrDefault(group, Map.of()).forEach((product, grants) -> {
                if (grants) {
                    granted.put(product, true);
                }
            });
        }
        for (String extension : List.of(LUCID_V1, LUCID_V2)) {
            ObjectNode licences = user.withObjectProperty(extension).putObject(PRODUCT_LICENSES);
            granted.forEach(licences::put);
            listSchema(user, extension);
        }
    }

    private static void listSchema(User user, String urn) {
        JsonNode schemas = user.get("schemas");
        if (schemas instanceof ArrayNode list) {
            for (JsonNode schema : list) {
                if (urn.equals(schema.asText())) {
                    return;
                }
            }
            list.add(urn);
        }
    }

    private static String productNamed(String name) {
        for (String product : PRODUCTS) {
            if (product.equalsIgnoreCase(name)) {
                return product;
            }
        }
        throw new IllegalArgumentException("Unknown Lucid product '" + name + "': the products are "
                                           + String.join(", ", PRODUCTS) + " (in any case)");
    }

}
