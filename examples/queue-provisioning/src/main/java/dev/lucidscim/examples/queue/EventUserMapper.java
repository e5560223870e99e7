package dev.lucidscim.examples.queue;

import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimUser;

/**
 * What an event means in Lucid. Joiners and movers become the user to upsert: userName and primary work e-mail from
 * the e-mail address, the employee id as externalId and employeeNumber, names, title and department. Only what the
 * event carries is set, and upsert compares only what is set, so attributes managed elsewhere (licenses, roles,
 * manager) are never touched. A leaver needs only the userName: deactivate finds the active account by it.
 */
public final class EventUserMapper {

    private EventUserMapper() {
    }

    public static ScimUser toUser(ProvisioningEvent event) {
        ScimUser.Builder user = ScimUser.builder()
                .userName(event.email())
                .email(event.email())
                .externalId(event.employeeId())
                .title(event.title());
        if (event.firstName() != null || event.lastName() != null) {
            user.name(event.firstName(), event.lastName());
        }
        if (event.department() != null || event.employeeId() != null) {
            user.enterprise(EnterpriseUser.builder()
                    .department(event.department())
                    .employeeNumber(event.employeeId())
                    .build());
        }
        return user.build();
    }

    public static ScimUser toLeaver(ProvisioningEvent event) {
        return ScimUser.builder().userName(event.email()).build();
    }
}
