package dev.lucidscim.examples.springboot.changecontrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.AuditRun;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.plan.ChangePlan;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ProcessorEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link ComponentChangeControl} asks of the lucid-scim component: which operation, with which headers, and what
 * it takes from the answer, and how a refusal reaches the page. A recording component stands in under the name
 * {@code lucid-scim}; {@code ChangeControlBrowserTest} drives the real one against the simulator.
 */
class ComponentChangeControlTest {

    private final List<String> sent = new ArrayList<>();
    private final List<Integer> runLimits = new ArrayList<>();
    private CamelContext camel;
    private ComponentChangeControl changeControl;
    private Exception failure;
    private final ChangePlan inverse = new ChangePlan("plan-2", Instant.now(), "users.lucid.app", "revert", "d",
            "run-1", List.of());

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.addComponent("lucid-scim", new DefaultComponent() {
            @Override
            protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
                String operation = remaining + " " + new TreeMap<>(parameters);
                parameters.clear();
                return new ProcessorEndpoint(uri, this, exchange -> answer(operation, exchange));
            }
        });
        camel.start();
        changeControl = new ComponentChangeControl(camel.createProducerTemplate(), ledger(), List::of);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private void answer(String operation, Exchange exchange) throws Exception {
        Map<String, Object> headers = new TreeMap<>(exchange.getMessage().getHeaders());
        sent.add(operation + " " + headers);
        if (failure != null) {
            throw failure;
        }
        exchange.getMessage().setHeader(LucidScimConstants.RUN_ID, "run-7");
        if (operation.contains("dryRun=true")) {
            exchange.getMessage().setBody(inverse);
        }
    }

    @Test
    void approveAndRejectSendThePlanIdAndWhoDecided() {
        assertThat(changeControl.approve("plan-1", "ana")).isEqualTo("run-7");
        changeControl.reject("plan-3", "ana");

        assertThat(sent).containsExactly(
                "users {operation=approve} {CamelLucidScimApprovedBy=ana, CamelLucidScimPlanId=plan-1}",
                "users {operation=reject} {CamelLucidScimApprovedBy=ana, CamelLucidScimPlanId=plan-3}");
    }

    @Test
    void aRevertIsADryRunFirstThenTheRevertItself() {
        assertThat(changeControl.revertDryRun("run-1")).isSameAs(inverse);
        assertThat(changeControl.revert("run-1")).isEqualTo("run-7");

        assertThat(sent).containsExactly("users {dryRun=true, operation=revert} {CamelLucidScimRunId=run-1}",
                "users {operation=revert} {CamelLucidScimRunId=run-1}");
    }

    @Test
    void aRefusalReachesThePageWithTheComponentsMessage() {
        failure = new IllegalStateException("plan plan-1 is older than maxPlanAge 24h");

        assertThatThrownBy(() -> changeControl.approve("plan-1", "ana")).isInstanceOf(ChangeControlFailure.class)
                .hasMessage("approving plan plan-1 failed: plan plan-1 is older than maxPlanAge 24h")
                .hasCause(failure);
    }

    @Test
    void theRunsAreTheLedgersNewest() {
        changeControl.runs();

        assertThat(runLimits).containsExactly(ComponentChangeControl.RUNS_SHOWN);
    }

    private AuditLedger ledger() {
        return new AuditLedger() {
            @Override
            public AuditRecord append(AuditRecord unchained) {
                throw new UnsupportedOperationException("the page never writes the ledger");
            }

            @Override
            public List<AuditRecord> recordsOfRun(String runId) {
                return List.of();
            }

            @Override
            public List<AuditRun> runs(int limit) {
                runLimits.add(limit);
                return List.of();
            }

            @Override
            public List<AuditRecord> all() {
                return List.of();
            }
        };
    }
}
