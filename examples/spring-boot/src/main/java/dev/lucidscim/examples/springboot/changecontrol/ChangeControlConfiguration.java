package dev.lucidscim.examples.springboot.changecontrol;

import java.util.List;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.examples.springboot.security.ChangeControlPageEnabled;
import dev.lucidscim.plan.PendingPlans.PendingPlan;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The page's access to the component, when the page is on ({@link ChangeControlPageEnabled}). */
@Configuration(proxyBeanMethods = false)
@Conditional(ChangeControlPageEnabled.class)
public class ChangeControlConfiguration {

    @Bean
    ChangeControl changeControl(CamelContext camel, ProducerTemplate producer, ObjectProvider<AuditLedger> ledger) {
        AuditLedger auditLedger = ledger.getIfAvailable(() -> {
            throw new IllegalStateException("change-control.users is set, so the change-control page is on, but"
                    + " there is no AuditLedger bean: the page shows the ledger the component records into; define"
                    + " one and set camel.component.lucid-scim.audit-ledger to it");
        });
        return new ComponentChangeControl(producer, auditLedger, () -> pendingPlans(camel));
    }

    // looked up at each read, not when the bean is made: the endpoint takes the component's options once they are set
    private static List<PendingPlan> pendingPlans(CamelContext camel) {
        try {
            return camel.getEndpoint(ComponentChangeControl.USERS, LucidScimEndpoint.class).pendingPlans().pending();
        } catch (Exception unreadable) {
            throw new ChangeControlFailure("the pending plans cannot be read from the component's state repository: "
                    + unreadable.getMessage(), unreadable);
        }
    }
}
