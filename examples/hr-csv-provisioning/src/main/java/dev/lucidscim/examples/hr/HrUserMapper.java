package dev.lucidscim.examples.hr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.LucidLicensing;
import dev.lucidscim.model.LucidProducts;
import dev.lucidscim.model.ScimUser;

/**
 * What a row means in Lucid: userName and primary work e-mail from the e-mail address, the employee id as
 * externalId and employeeNumber, names, title, department and manager (enterprise extension), and, when licenses are
 * managed, every Lucid product set to licensed or not (Lucid's 2.0 licensing extension). Only these attributes are
 * compared by upsert, so what the HR feed does not manage is never touched.
 */
public final class HrUserMapper {

    /** Lucid's products, as the licensed_products column names them (in any case). */
    static final List<String> PRODUCTS = List.of(LucidProducts.LUCIDCHART, LucidProducts.LUCIDSPARK,
            LucidProducts.LUCIDSCALE_CREATOR, LucidProducts.LUCIDSCALE_EXPLORER);

    private final boolean manageLicenses;

    public HrUserMapper(boolean manageLicenses) {
        this.manageLicenses = manageLicenses;
    }

    /**
     * @param lucidIdOfEmail the Lucid id of a person provisioned earlier in the run, or null
     */
    public ScimUser toUser(HrRow row, Function<String, String> lucidIdOfEmail) {
        EnterpriseUser.Builder enterprise = EnterpriseUser.builder()
                .department(row.department())
                .employeeNumber(row.employeeId());
        String managerId = row.managerEmail() == null ? null : lucidIdOfEmail.apply(row.managerEmail());
        if (managerId != null) {
            enterprise.manager(managerId);
        }
        ScimUser.Builder user = ScimUser.builder()
                .userName(row.email())
                .externalId(row.employeeId())
                .name(row.firstName(), row.lastName())
                .email(row.email())
                .title(row.title())
                .active(row.status().keepsAccount())
                .enterprise(enterprise.build());
        if (manageLicenses) {
            Map<String, Boolean> licenses = new LinkedHashMap<>();
            PRODUCTS.forEach(product -> licenses.put(product, row.licensedProducts().stream()
                    .anyMatch(product::equalsIgnoreCase)));
            user.lucidV2(LucidLicensing.of(licenses));
        }
        return user.build();
    }

    /** A leaver needs only the userName: deactivate finds the active account by it. */
    public ScimUser toLeaver(HrRow row) {
        return ScimUser.builder().userName(row.email()).build();
    }
}
