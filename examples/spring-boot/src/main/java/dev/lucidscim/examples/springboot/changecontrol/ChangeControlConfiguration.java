package dev.lucidscim.examples.springboot.changecontrol;

import java.util.List;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.examples.springboot.security.ChangeControlPageEnabled;
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
    ChangeControl changeControl(ProducerTemplate producer, ObjectProvider<AuditLedger> ledger) {
        AuditLedger auditLedger = ledger.getIfAvailable(() -> {
            throw new IllegalStateException("change-control.users is set, so the change-control page is on, but"
                    + " there is no AuditLedger bean: the page shows the ledger the component records into; define"
                    + " one and set camel.component.lucid-scim.audit-ledger to it");
        });
        return new ComponentChangeControl(producer, auditLedger, ChangeControlConfiguration::pendingPlans);
    }

    // The component's store of pending plans (LucidScimEndpoint#pendingPlans()) comes with issue 17's plans branch;
    // the merge replaces this with it.
    private static List<PendingApproval> pendingPlans() {
        throw new UnsupportedOperationException("not yet: the component's pending plans come with issue 17's plans"
                + " branch");
    }
}
