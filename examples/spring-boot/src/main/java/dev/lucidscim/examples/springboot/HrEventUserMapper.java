package dev.lucidscim.examples.springboot;

import java.util.Locale;

import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimUser;

/**
 * What an event means in Lucid. Joiners and movers become the user to upsert, with only what the event carries, so
 * that attributes managed elsewhere (licenses, roles) are never touched. A leaver needs only the userName:
 * deactivate finds the active account by it.
 */
public final class HrEventUserMapper {

    private HrEventUserMapper() {
    }

    public static ScimUser toUser(HrEvent event) {
        String userName = userName(event);
        ScimUser.Builder user = ScimUser.builder().userName(userName).email(userName).externalId(event.employeeId())
                .title(event.title());
        if (event.firstName() != null || event.lastName() != null) {
            user.name(event.firstName(), event.lastName());
        }
        if (event.department() != null || event.employeeId() != null) {
            user.enterprise(EnterpriseUser.builder().department(event.department())
                    .employeeNumber(event.employeeId()).build());
        }
        return user.build();
    }

    public static ScimUser toLeaver(HrEvent event) {
        return ScimUser.builder().userName(userName(event)).build();
    }

    private static String userName(HrEvent event) {
        return event.email().strip().toLowerCase(Locale.ROOT);
    }
}
