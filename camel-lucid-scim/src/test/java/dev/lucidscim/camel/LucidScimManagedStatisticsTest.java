package dev.lucidscim.camel;

import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts as JMX attributes of the endpoint's and the consumer's MBeans (Camel's own, with the component's
 * attributes mixed in), read through the MBean server as a JMX client would.
 */
class LucidScimManagedStatisticsTest extends SimulatedLucidTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withEnableJMX();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("lucid-scim:users?operation=create");
                from("lucid-scim:users?startScheduler=false&pageSize=1").routeId("feed").to("mock:feed");
            }
        };
    }

    @Test
    void endpointAndConsumerShowTheirCounts() throws Exception {
        for (String name : new String[] { "ann", "bob" }) {
            template.sendBody("direct:create", ScimUser.builder().userName(name + "@example.com")
                    .email(name + "@example.com").build());
        }
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();

        MBeanServer jmx = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName endpoint = only(jmx, "type=endpoints", "operation=create");
        assertThat(jmx.getAttribute(endpoint, "Tenant")).isEqualTo("127.0.0.1:" + lucid.port());
        // both endpoints' requests: the tenant's counts are the host's
        assertThat(jmx.getAttribute(endpoint, "TenantRequests")).isEqualTo("GET 200=2, POST 201=2");
        assertThat(jmx.getAttribute(endpoint, "TenantRetries")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "TenantRateLimited")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "TenantRetryAfterWaitMillis")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "TenantRateLimitWaitMillis")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "TenantRequestsInFlight")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "TenantRequestsPerSecond")).isEqualTo(0.0);
        assertThat(jmx.getAttribute(endpoint, "ProducerOutcomes")).isEqualTo("create created=2");
        assertThat(jmx.getAttribute(endpoint, "ProducerFailures")).isEqualTo("");

        ObjectName consumer = only(jmx, "type=consumers", "LucidScimConsumer");
        assertThat(jmx.getAttribute(consumer, "RouteId")).isEqualTo("feed");
        assertThat(jmx.getAttribute(consumer, "LastPollPages")).isEqualTo(2);
        assertThat(jmx.getAttribute(consumer, "LastPollDeliveries")).isEqualTo(2);
        assertThat(jmx.getAttribute(consumer, "LastPollChanges")).isEqualTo("{created=2}");
        assertThat((String) jmx.getAttribute(consumer, "LastPollStarted")).isNotBlank();
        assertThat(jmx.getAttribute(consumer, "PauseReason")).isEqualTo("");
        assertThat(jmx.getAttribute(consumer, "PauseRemainingSeconds")).isEqualTo(0L);
    }

    private static ObjectName only(MBeanServer jmx, String type, String nameHolds) throws Exception {
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:" + type + ",*"), null);
        ObjectName[] matching = names.stream().filter(name -> name.toString().contains(nameHolds))
                .toArray(ObjectName[]::new);
        assertThat(matching).as(type + " holding " + nameHolds + " in " + names).hasSize(1);
        return matching[0];
    }
}
