package dev.lucidscim.examples.springboot;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.MemoryAuditLedger;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the lucid-scim component keeps beyond one request, set on it in application.yaml
 * ({@code camel.component.lucid-scim.audit-ledger} and {@code state-repository}): the audit ledger of every write it
 * makes (what the change-control page lists, and what a revert undoes), and the state repository where a tripped
 * deletion breaker stores its plan until an approver decides. Both are in this process's memory, so that the example
 * needs no database; they are lost at a restart. In production put both on one database, which several nodes share:
 * {@code dev.lucidscim.jdbc.JdbcAuditLedger} and {@code dev.lucidscim.camel.consumer.JdbcStateRepository} on the same
 * {@code DataSource} (see the README).
 */
@Configuration(proxyBeanMethods = false)
public class LucidScimRecordsConfiguration {

    @Bean
    AuditLedger auditLedger() {
        return new MemoryAuditLedger();
    }

    /** One repository for every lucid-scim endpoint: approve finds the plan that reconcile's endpoint stored. */
    @Bean
    StateRepository<String, String> lucidScimState() {
        return new MemoryStateRepository();
    }
}
