package dev.lucidscim.examples.springboot;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.examples.springboot.changecontrol.ChangeControl;
import dev.lucidscim.examples.springboot.changecontrol.StandInChangeControl;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-control page in a real headless Chromium ({@link Browser}), logged in as people of {@code
 * change-control.users}: an approver sees each person's change of a pending plan, approves it (the plan is applied,
 * gone from the pending ones, its run listed), reads the run's ledger and reverts it after its dry run; a viewer sees
 * the plans without the buttons, and a POST without the approver role or without the CSRF token is refused (403)
 * with nothing applied. Values holding markup are shown as text. Each page's screenshot goes to
 * {@link Browser#SCREENSHOTS}.
 *
 * <p>Until issue 17's component branches are merged the page works on {@link StandInChangeControl}; to test it
 * through the component and the simulator, drop {@link #changeControl} and rewrite {@link #holdPending} (a reconcile
 * that trips the breaker) and {@link #applied} (the simulator's state) against {@code LUCID}.
 */
class ChangeControlBrowserTest extends WebhookServiceTestSupport {

    static final String APPROVER = "ana.admin";
    static final String APPROVER_PASSWORD = "approver-test-password-71c2";
    static final String VIEWER = "vic.viewer";
    static final String VIEWER_PASSWORD = "viewer-test-password-0d9e";
    /** A userName an attacker chose: shown as text, never run. */
    static final String SCRIPTED_NAME = "<script>document.title='owned'</script>eve@example.com";
    static final StandInChangeControl STAND_IN = new StandInChangeControl();

    @TestBean(methodName = "standIn")
    ChangeControl changeControl;

    static Browser browser;

    static ChangeControl standIn() {
        return STAND_IN;
    }

    @DynamicPropertySource
    static void people(DynamicPropertyRegistry properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        properties.add("change-control.users[0].name", () -> APPROVER);
        properties.add("change-control.users[0].password-hash", () -> bcrypt.encode(APPROVER_PASSWORD));
        properties.add("change-control.users[0].roles", () -> "APPROVER");
        properties.add("change-control.users[1].name", () -> VIEWER);
        properties.add("change-control.users[1].password-hash", () -> bcrypt.encode(VIEWER_PASSWORD));
        properties.add("change-control.users[1].roles", () -> "VIEWER");
    }

    /** Each test, not the class, is skipped without a browser, so that the build's summary counts them skipped. */
    @BeforeEach
    void freshSession() throws Exception {
        Browser.assumeInstalled();
        STAND_IN.reset();
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        browser.logOut();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private void holdPending(ChangePlan plan) {
        STAND_IN.hold(plan, "3 deactivations planned, more than the 1 allowed (maxDeactivations)");
    }

    private List<ChangePlan> applied() {
        return STAND_IN.applied();
    }

    @Test
    void anApproverReviewsApprovesAndRevertsAPlan() throws Exception {
        ChangePlan plan = deletionWave();
        holdPending(plan);

        browser.go("/change-control/plans");
        assertThat(browser.path()).isEqualTo("/login");
        browser.screenshot("login");
        browser.logIn(APPROVER, APPROVER_PASSWORD);

        assertThat(browser.path()).isEqualTo("/change-control/plans");
        WebElement shown = pendingPlan(plan.id());
        assertThat(writesShown(shown)).containsExactly(
                "deactivate User | ana.silva@example.com | active: true → false",
                "update User | bo.berg@example.com | title: Analyst → Senior Analyst"
                        + " | department: Finance → (none)",
                "update User | " + SCRIPTED_NAME + " | displayName: <b>Eve</b> → <img src=x onerror=alert(1)>");
        assertMarkupShownAsText();
        browser.screenshot("plans");

        browser.submit(shown.findElement(By.cssSelector("button.approve")));

        assertThat(browser.path()).isEqualTo("/change-control/runs");
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("Plan " + plan.id() + " approved");
        assertThat(applied()).containsExactly(plan);
        WebElement run = browser.driver.findElement(By.cssSelector("tr.run[data-run-id='" + plan.id() + "']"));
        assertThat(run.findElements(By.cssSelector(".outcome"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("deactivated 1", "updated 2");
        browser.screenshot("runs");
        browser.go("/change-control/plans");
        assertThat(browser.driver.findElements(By.cssSelector("section.pending"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("no-pending")).isDisplayed()).isTrue();

        browser.go("/change-control/runs");
        run = browser.driver.findElement(By.cssSelector("tr.run[data-run-id='" + plan.id() + "']"));
        browser.submit(run.findElement(By.tagName("a")));
        assertThat(browser.driver.findElements(By.cssSelector("tr.record .name"))).extracting(WebElement::getText)
                .containsExactly("ana.silva@example.com", "bo.berg@example.com", SCRIPTED_NAME);
        assertMarkupShownAsText();
        browser.screenshot("run");

        browser.submit(browser.driver.findElement(By.id("revert")));
        assertThat(writesShown(browser.driver.findElement(By.tagName("main")))).containsExactly(
                "update User | " + SCRIPTED_NAME + " | displayName: <img src=x onerror=alert(1)> → <b>Eve</b>",
                "update User | bo.berg@example.com | title: Senior Analyst → Analyst"
                        + " | department: (none) → Finance",
                "reactivate User | ana.silva@example.com | active: false → true");
        assertThat(applied()).as("a dry run writes nothing").containsExactly(plan);
        browser.screenshot("revert");

        browser.submit(browser.driver.findElement(By.id("confirm-revert")));

        assertThat(applied()).hasSize(2);
        ChangePlan revert = applied().get(1);
        assertThat(revert.reverts()).isEqualTo(plan.id());
        assertThat(browser.path()).isEqualTo("/change-control/runs/" + revert.id());
        assertThat(browser.driver.findElement(By.id("notice")).getText())
                .isEqualTo("Run " + plan.id() + " reverted by run " + revert.id() + ".");
    }

    @Test
    void aViewerSeesThePlanButCannotDecideIt() throws Exception {
        ChangePlan plan = deletionWave();
        holdPending(plan);

        browser.go("/change-control/plans");
        browser.logIn(VIEWER, VIEWER_PASSWORD);

        assertThat(writesShown(pendingPlan(plan.id()))).hasSize(3);
        assertThat(browser.driver.findElements(By.cssSelector("button.approve, button.reject"))).isEmpty();
        HttpResponse<String> page = browser.get("/change-control/plans");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("no script runs, whatever a value holds")
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'")
                        .doesNotContain("script-src"));
        String token = browser.csrfToken();
        for (String decision : List.of("plans/" + plan.id() + "/approve", "plans/" + plan.id() + "/reject",
                "runs/" + plan.id() + "/revert-plan", "runs/" + plan.id() + "/revert")) {
            HttpResponse<String> refused = browser.post("/change-control/" + decision, "_csrf=" + token);

            assertThat(refused.statusCode()).as(decision).isEqualTo(403);
        }
        assertThat(applied()).isEmpty();
        assertThat(STAND_IN.pendingPlans()).hasSize(1);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        ChangePlan plan = deletionWave();
        holdPending(plan);
        browser.go("/change-control/plans");
        browser.logIn(APPROVER, APPROVER_PASSWORD);
        String approve = "/change-control/plans/" + plan.id() + "/approve";

        assertThat(browser.post(approve, "").statusCode()).isEqualTo(403);
        assertThat(browser.post(approve, "_csrf=not-the-token").statusCode()).isEqualTo(403);
        assertThat(applied()).isEmpty();

        HttpResponse<String> withToken = browser.post(approve, "_csrf=" + browser.csrfToken());
        assertThat(withToken.statusCode()).as("the same POST with the token").isEqualTo(302);
        assertThat(applied()).containsExactly(plan);
    }

    private static WebElement pendingPlan(String planId) {
        return browser.driver.findElement(By.cssSelector("section.pending[data-plan-id='" + planId + "']"));
    }

    /** Each write of the plan shown in {@code where}: action, person, and each attribute's before and after. */
    private static List<String> writesShown(WebElement where) {
        return where.findElements(By.cssSelector("tr.write")).stream().map(write -> {
            StringBuilder shown = new StringBuilder(write.findElement(By.cssSelector("td")).getText())
                    .append(" | ").append(write.findElement(By.cssSelector(".name")).getText());
            for (WebElement change : write.findElements(By.cssSelector("table.changes tr"))) {
                shown.append(" | ").append(change.findElement(By.cssSelector(".path")).getText()).append(": ")
                        .append(change.findElement(By.cssSelector(".before")).getText()).append(" → ")
                        .append(change.findElement(By.cssSelector(".after")).getText());
            }
            return shown.toString();
        }).toList();
    }

    /** The script and image in the plan's values are text on the page, not elements: none ran. */
    private static void assertMarkupShownAsText() {
        assertThat(browser.driver.findElements(By.cssSelector("script, img, b"))).isEmpty();
        assertThat(browser.driver.getTitle()).endsWith("· Lucid change control");
    }

    /** A reconcile's plan as a tripped breaker stores it: a deactivation, a mover, and a name full of markup. */
    private static ChangePlan deletionWave() {
        return new ChangePlan(UUID.randomUUID().toString(), Instant.now(), "users.lucid.app", "reconcile",
                "c0ffee", null, List.of(
                write("deactivate", "lucid-1001", "ana.silva@example.com",
                        new AttributeChange("active", json(true), json(false))),
                write("update", "lucid-1002", "bo.berg@example.com",
                        new AttributeChange("title", json("Analyst"), json("Senior Analyst")),
                        new AttributeChange("department", json("Finance"), null)),
                write("update", "lucid-1003", SCRIPTED_NAME,
                        new AttributeChange("displayName", json("<b>Eve</b>"), json("<img src=x onerror=alert(1)>")))));
    }

    private static PlannedChange write(String action, String id, String userName, AttributeChange... changes) {
        return new PlannedChange("User", action, id, userName, "W/\"3\"", List.of(changes), null, List.of(), null,
                List.of());
    }

    private static JsonNode json(Object value) {
        return value instanceof Boolean flag ? JsonNodeFactory.instance.booleanNode(flag)
                : JsonNodeFactory.instance.textNode((String) value);
    }
}
