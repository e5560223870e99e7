package dev.lucidscim.examples.springboot;

import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.PendingPlans;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-control page in a real headless Chromium ({@link Browser}) on the real component and the Lucid simulator,
 * logged in as people of {@code change-control.users}. A reconcile whose roster leaves Ana out trips the deletion
 * breaker (one of three users, over the default {@code maxDeactivationPercent} of 10), so its plan is stored pending:
 * an approver sees each person's change, approves it (the simulator then holds exactly the plan's writes, the run is
 * listed with its counts and the approval), reads the run's ledger and reverts it after its dry run (the simulator's
 * users are then as before the run, compared whole); or rejects it (nothing written, the rejection in the ledger). A
 * viewer sees the plans without the buttons, and a POST without the approver role or without the CSRF token is
 * refused (403) with nothing written. Values holding markup are shown as text. Each page's screenshot goes to
 * {@link Browser#SCREENSHOTS}.
 */
class ChangeControlBrowserTest extends WebhookServiceTestSupport {

    static final String APPROVER = "ana.admin";
    static final String APPROVER_PASSWORD = "approver-test-password-71c2";
    static final String VIEWER = "vic.viewer";
    static final String VIEWER_PASSWORD = "viewer-test-password-0d9e";
    /** A userName an attacker chose: shown as text, never run. */
    static final String SCRIPTED_NAME = "<script>document.title='owned'</script>eve@example.com";
    static final String ANA = "ana.silva@example.com";
    static final String BO = "bo.berg@example.com";
    static final String DEPARTMENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";

    static Browser browser;

    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;

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
        PendingPlans pending = usersEndpoint().pendingPlans();
        pending.pending().forEach(left -> pending.drop(left.plan().id()));
        seedDirectory();
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

    private LucidScimEndpoint usersEndpoint() {
        return camel.getEndpoint("lucid-scim:users", LucidScimEndpoint.class);
    }

    private static ScimUser person(String userName, String displayName, String title, String department) {
        return ScimUser.builder().userName(userName).email(userName.substring(userName.lastIndexOf('>') + 1))
                .displayName(displayName).title(title).active(true)
                .enterprise(EnterpriseUser.builder().department(department).build()).build();
    }

    private static void seedDirectory() {
        LUCID.seedUser(ScimJson.toJson(person(ANA, "Ana Silva", "Analyst", "Finance")));
        LUCID.seedUser(ScimJson.toJson(person(BO, "Bo Berg", "Analyst", "Finance")));
        LUCID.seedUser(ScimJson.toJson(person(SCRIPTED_NAME, "<b>Eve</b>", "Analyst", "Finance")));
    }

    /**
     * A reconcile whose roster leaves Ana out (a deletion wave), moves Bo and renames Eve with markup: the breaker
     * trips, so the plan is stored pending and nothing is written.
     *
     * @return the pending plan's id
     */
    private String holdPending() {
        List<ScimUser> roster = List.of(person(BO, "Bo Berg", "Senior Analyst", "Treasury"),
                person(SCRIPTED_NAME, "<img src=x onerror=alert(1)>", "Analyst", "Finance"));
        Exchange tripped = producer.request("lucid-scim:users?operation=reconcile",
                exchange -> exchange.getMessage().setBody(roster));

        assertThat(tripped.getException()).isInstanceOf(ReconcileThresholdExceededException.class);
        assertThat(writes()).as("a tripped breaker writes nothing").isEmpty();
        return ((ReconcileThresholdExceededException) tripped.getException()).getPlanId();
    }

    /** What the simulator was asked to change. */
    private static List<String> writes() {
        return LUCID.requests().matching(request -> !request.method().equals("GET")).stream()
                .map(RecordedRequest::path).toList();
    }

    private static JsonNode userNamed(String userName) {
        return LUCID.userByUserName(userName).orElseThrow();
    }

    /** The simulator's users, whole but for meta (each write gives a new version and time). */
    private static List<JsonNode> directory() {
        return LUCID.users().stream().map(user -> (JsonNode) ((ObjectNode) user.deepCopy()).without("meta"))
                .sorted(Comparator.comparing(user -> user.path("id").asText())).toList();
    }

    private List<String> pendingIds() throws Exception {
        return usersEndpoint().pendingPlans().pending().stream().map(pending -> pending.plan().id()).toList();
    }

    @Test
    void anApproverReviewsApprovesAndRevertsAPlan() throws Exception {
        List<JsonNode> before = directory();
        String planId = holdPending();

        browser.go("/change-control/plans");
        assertThat(browser.path()).isEqualTo("/login");
        browser.screenshot("login");
        browser.logIn(APPROVER, APPROVER_PASSWORD);

        assertThat(browser.path()).isEqualTo("/change-control/plans");
        WebElement shown = pendingPlan(planId);
        assertThat(writesShown(shown)).containsExactlyInAnyOrder(
                "deactivate User | " + ANA + " | active: true → false",
                "update User | " + BO + " | title: Analyst → Senior Analyst"
                        + " | " + DEPARTMENT + ": Finance → Treasury",
                "update User | " + SCRIPTED_NAME + " | displayName: <b>Eve</b> → <img src=x onerror=alert(1)>");
        assertMarkupShownAsText();
        browser.screenshot("plans");

        browser.submit(shown.findElement(By.cssSelector("button.approve")));

        assertThat(browser.path()).isEqualTo("/change-control/runs");
        assertThat(browser.driver.findElement(By.id("notice")).getText())
                .isEqualTo("Plan " + planId + " approved and applied by run " + planId + ".");
        assertThat(writes()).as("exactly the plan's writes").hasSize(3);
        assertThat(userNamed(ANA).path("active").asBoolean()).isFalse();
        assertThat(userNamed(BO).path("title").asText()).isEqualTo("Senior Analyst");
        assertThat(userNamed(SCRIPTED_NAME).path("displayName").asText()).isEqualTo("<img src=x onerror=alert(1)>");
        WebElement run = browser.driver.findElement(By.cssSelector("tr.run[data-run-id='" + planId + "']"));
        assertThat(run.findElements(By.cssSelector(".outcome"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("approved 1", "deactivated 1", "updated 2");
        browser.screenshot("runs");
        browser.go("/change-control/plans");
        assertThat(browser.driver.findElements(By.cssSelector("section.pending"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("no-pending")).isDisplayed()).isTrue();

        browser.go("/change-control/runs");
        run = browser.driver.findElement(By.cssSelector("tr.run[data-run-id='" + planId + "']"));
        browser.submit(run.findElement(By.tagName("a")));
        assertThat(recordsShown()).containsExactlyInAnyOrder("decision on Plan | " + APPROVER + " | approved",
                "PATCH User | " + ANA + " | deactivated", "PATCH User | " + BO + " | updated",
                "PATCH User | " + SCRIPTED_NAME + " | updated");
        assertMarkupShownAsText();
        browser.screenshot("run");

        browser.submit(browser.driver.findElement(By.id("revert")));
        assertThat(browser.driver.findElements(By.id("problem"))).extracting(WebElement::getText).isEmpty();
        assertThat(writesShown(browser.driver.findElement(By.tagName("main")))).containsExactlyInAnyOrder(
                "update User | " + SCRIPTED_NAME + " | displayName: <img src=x onerror=alert(1)> → <b>Eve</b>",
                "update User | " + BO + " | title: Senior Analyst → Analyst"
                        + " | " + DEPARTMENT + ": Treasury → Finance",
                "reactivate User | " + ANA + " | active: false → true");
        assertThat(writes()).as("a dry run writes nothing").hasSize(3);
        browser.screenshot("revert");

        browser.submit(browser.driver.findElement(By.id("confirm-revert")));

        String notice = browser.driver.findElement(By.id("notice")).getText();
        assertThat(notice).startsWith("Run " + planId + " reverted by run ");
        String revertRun = notice.substring(notice.lastIndexOf(' ') + 1, notice.length() - 1);
        assertThat(browser.path()).isEqualTo("/change-control/runs/" + revertRun);
        assertThat(writes()).hasSize(6);
        assertThat(directory()).as("the simulator's users as before the run").isEqualTo(before);
    }

    @Test
    void anApproverRejectsAPlanAndNothingIsWritten() throws Exception {
        String planId = holdPending();
        browser.go("/change-control/plans");
        browser.logIn(APPROVER, APPROVER_PASSWORD);

        browser.submit(pendingPlan(planId).findElement(By.cssSelector("button.reject")));

        assertThat(browser.driver.findElement(By.id("notice")).getText())
                .isEqualTo("Plan " + planId + " rejected: nothing was written.");
        assertThat(browser.driver.findElements(By.cssSelector("section.pending"))).isEmpty();
        assertThat(writes()).isEmpty();
        assertThat(pendingIds()).isEmpty();
        browser.go("/change-control/runs/" + planId);
        assertThat(recordsShown()).containsExactly("decision on Plan | " + APPROVER + " | rejected");
    }

    @Test
    void aViewerSeesThePlanButCannotDecideIt() throws Exception {
        String planId = holdPending();

        browser.go("/change-control/plans");
        browser.logIn(VIEWER, VIEWER_PASSWORD);

        assertThat(writesShown(pendingPlan(planId))).hasSize(3);
        assertThat(browser.driver.findElements(By.cssSelector("button.approve, button.reject"))).isEmpty();
        HttpResponse<String> page = browser.get("/change-control/plans");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("no script runs, whatever a value holds")
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'")
                        .doesNotContain("script-src"));
        String token = browser.csrfToken();
        for (String decision : List.of("plans/" + planId + "/approve", "plans/" + planId + "/reject",
                "runs/" + planId + "/revert-plan", "runs/" + planId + "/revert")) {
            HttpResponse<String> refused = browser.post("/change-control/" + decision, "_csrf=" + token);

            assertThat(refused.statusCode()).as(decision).isEqualTo(403);
        }
        assertThat(writes()).isEmpty();
        assertThat(pendingIds()).containsExactly(planId);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String planId = holdPending();
        browser.go("/change-control/plans");
        browser.logIn(APPROVER, APPROVER_PASSWORD);
        String approve = "/change-control/plans/" + planId + "/approve";

        assertThat(browser.post(approve, "").statusCode()).isEqualTo(403);
        assertThat(browser.post(approve, "_csrf=not-the-token").statusCode()).isEqualTo(403);
        assertThat(writes()).isEmpty();
        assertThat(pendingIds()).containsExactly(planId);

        HttpResponse<String> withToken = browser.post(approve, "_csrf=" + browser.csrfToken());
        assertThat(withToken.statusCode()).as("the same POST with the token").isEqualTo(302);
        assertThat(writes()).hasSize(3);
        assertThat(pendingIds()).isEmpty();
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

    /** Each record of the run's ledger shown: the write, who (userName, or who decided) and its outcome. */
    private static List<String> recordsShown() {
        return browser.driver.findElements(By.cssSelector("tr.record")).stream()
                .map(record -> record.findElement(By.cssSelector(".write")).getText() + " | "
                        + record.findElement(By.cssSelector(".name")).getText() + " | "
                        + record.findElement(By.cssSelector(".outcome")).getText()).toList();
    }

    /** The script and image in the plan's values are text on the page, not elements: none ran. */
    private static void assertMarkupShownAsText() {
        assertThat(browser.driver.findElements(By.cssSelector("script, img, b"))).isEmpty();
        assertThat(browser.driver.getTitle()).endsWith("· Lucid change control");
    }
}
