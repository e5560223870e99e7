package dev.lucidscim.examples.springboot;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both named by path so that Selenium Manager never
 * looks for (or downloads) a browser or a driver. Without them the calling test is skipped, saying so in the build
 * output; {@code .ci/run} installs them, so CI always runs it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where each page's screenshot goes; the README shows copies of them from docs/. */
    static final Path SCREENSHOTS = Path.of("target", "change-control-screenshots");

    /** Far longer than any page of a test takes; only a hung service waits this long, and then fails. */
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("change-control-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /**
     * Skips the calling test when the browser or its driver is absent, with the reason in its report (and, as test
     * output goes to files, the example's pom says it in the build output).
     */
    static void assumeInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "SKIPPED: the change-control browser test needs Debian's chromium and chromedriver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): sudo apt-get install -y chromium chromium-driver";
            System.out.println(why);
            Assumptions.abort(why);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    /** The path of the page shown, without the query. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void logIn(String name, String password) {
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.id("log-in")));
    }

    /**
     * Clicks a form's button or a link and returns once the next page has replaced this one: a click returns when
     * the browser has taken it, which may be before the request is answered.
     */
    void submit(WebElement button) {
        button.click();
        // while the page is replaced, Chromium may answer "Node with given id does not belong to the document"
        // before the element is reported stale: ask again
        new WebDriverWait(driver, PAGE_LOAD).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(button));
    }

    void logOut() {
        driver.manage().deleteAllCookies();
    }

    void screenshot(String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(page + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The CSRF token of the page shown (from its logout form): what a form of this session would send. */
    String csrfToken() {
        return driver.findElement(By.cssSelector("form.logout input[name=_csrf]")).getDomProperty("value");
    }

    /** A form POST in this browser's session, outside any page: what a crafted request would do. */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return send(inSession(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A GET in this browser's session, for what the page's answer holds besides the page (its headers). */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(inSession(path).GET());
    }

    private HttpRequest.Builder inSession(String path) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + session.getValue());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
