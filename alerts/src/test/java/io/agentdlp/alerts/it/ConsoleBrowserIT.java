package io.agentdlp.alerts.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.avro.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian {@code chromium} + {@code chromium-driver}), against
 * a real broker and registry: sign in, see an alert produced through Kafka appear live, filter, open
 * the detail, acknowledge, reload and still see it acknowledged. Screenshots go to
 * {@code target/screenshots/}. Skipped when Chromium or chromedriver are not installed.
 */
@ExtendWith(KafkaStack.class)
class ConsoleBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AGENTDLP_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("AGENTDLP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Map<String, String> topics;
    private static AlertsService service;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser test skipped: needs " + CHROMIUM + " and " + DRIVER
                        + " (apt-get install -y chromium chromium-driver, or set AGENTDLP_CHROMIUM/AGENTDLP_CHROMEDRIVER)");
        profile = Files.createTempDirectory("agentdlp-chromium-profile");
        // Chromium takes seconds to start on a busy machine: start it while the service starts.
        CompletableFuture<WebDriver> starting = CompletableFuture.supplyAsync(ConsoleBrowserIT::startBrowser);
        KafkaStack stack = KafkaStack.get();
        topics = stack.topics();
        Map<String, String> s = stack.baseSettings(topics);
        s.put("alerts.auth.users-file", TestUsers.create().toString());
        s.put("alerts.console.code-link-template", "https://git.example.com/acme/{repo}/blob/HEAD/{path}#L{start}-L{end}");
        try {
            service = AlertsService.start(new Settings(s), Clock.systemUTC(), System.out);
        } finally {
            browser = starting.join();
        }
        Files.createDirectories(SCREENSHOTS);
    }

    private static WebDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,1000");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void signInWatchLiveFilterOpenAcknowledgeAndReload() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45));
        browser.get(service.url() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("triager");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alerts-table")));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        Instant now = Instant.now();
        String secretTitle = "AWS access key sent to api.example-llm.com by claude-code";
        try (KafkaStack.AlertProducer producer = KafkaStack.get().alertProducer(topics)) {
            producer.send(TestAlerts.volume("vol-1", now.minusSeconds(30)));
            producer.send(TestAlerts.secret("sec-1", Severity.HIGH, secretTitle, now, "sess-browser"));
        }
        By secretRow = By.cssSelector("tr[data-alert-id='sec-1']");
        By volumeRow = By.cssSelector("tr[data-alert-id='vol-1']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(secretRow));
        wait.until(ExpectedConditions.visibilityOfElementLocated(volumeRow));
        assertThat(browser.findElements(By.cssSelector("#alerts-body tr")).get(0).getAttribute("data-alert-id"))
                .as("newest first").isEqualTo("sec-1");
        screenshot("1-live-feed");

        browser.findElement(By.cssSelector("#filters input[name=severity][value=HIGH]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(volumeRow, 0));
        assertThat(browser.findElements(secretRow)).hasSize(1);
        WebElement search = browser.findElement(By.id("f-q"));
        search.sendKeys("no such title");
        wait.until(ExpectedConditions.numberOfElementsToBe(secretRow, 0));
        search.clear();
        search.sendKeys("access key");
        wait.until(ExpectedConditions.numberOfElementsToBe(secretRow, 1));
        screenshot("2-filtered");

        browser.findElement(secretRow).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), secretTitle));
        String evidence = browser.findElement(By.id("evidence")).getText();
        assertThat(evidence).contains("AKIA********").contains(TestAlerts.HASHER.hash(TestAlerts.RAW_SECRET));
        assertThat(browser.getPageSource()).doesNotContain(TestAlerts.RAW_SECRET);
        assertThat(browser.findElement(By.id("code-match")).getText()).contains("src/main/java/com/acme/Ledger.java");
        assertThat(browser.findElement(By.cssSelector("#code-match a")).getAttribute("href"))
                .isEqualTo("https://git.example.com/acme/payments/blob/HEAD/src/main/java/com/acme/Ledger.java#L40-L72");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains(secretTitle);
        assertThat(browser.findElement(By.id("detail-status")).getText()).isEqualTo("Open");

        browser.findElement(By.id("btn-acknowledge")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "Acknowledged"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("triager").contains("acknowledge");
        screenshot("3-detail-acknowledged");

        WebElement comment = browser.findElement(By.id("comment"));
        comment.sendKeys("Rotated the key with the developer");
        try (KafkaStack.AlertProducer producer = KafkaStack.get().alertProducer(topics)) {
            producer.send(io.agentdlp.avro.DlpAlert.newBuilder(
                    TestAlerts.secret("sec-1", Severity.HIGH, secretTitle, now, "sess-browser"))
                    .setOccurrenceCount(2).setLastSeen(now.plusSeconds(1)).build());
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.facts"), "Occurrences\n2"));
        assertThat(browser.findElement(By.id("comment")).getAttribute("value"))
                .as("a live update keeps the comment being typed").isEqualTo("Rotated the key with the developer");
        browser.findElement(By.id("btn-comment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "Rotated the key with the developer"));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), secretTitle));
        assertThat(browser.findElement(By.id("detail-status")).getText()).isEqualTo("Acknowledged");
        browser.get(service.url() + "/#/alerts");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-alert-id='sec-1'] .status-cell"), "Acknowledged"));

        KafkaStack.get().sendEvent(topics, io.agentdlp.avro.AgentEgressEvent.newBuilder()
                .setEventId("ev-2").setEventTime(now.minusSeconds(1)).setIngestTime(now)
                .setSource(io.agentdlp.avro.EventSource.claude_hook)
                .setDevice(io.agentdlp.avro.Device.newBuilder().setId("dev-7").build())
                .setUser(io.agentdlp.avro.User.newBuilder().build())
                .setAgent(io.agentdlp.avro.Agent.newBuilder().setName("claude-code").build())
                .setSessionId("sess-browser").setKind(io.agentdlp.avro.EventKind.model_request)
                .setDestination(io.agentdlp.avro.Destination.newBuilder().setHost("api.example-llm.com").build())
                .setContent(io.agentdlp.avro.Content.newBuilder().setBytes(2048).setText("key " + TestAlerts.RAW_SECRET).build())
                .build());
        browser.findElement(secretRow).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), secretTitle));
        browser.findElement(By.id("session-link")).click();
        By fetchRow = By.cssSelector("#session-events tr[data-event-id='ev-2']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(fetchRow));
        assertThat(browser.findElement(fetchRow).getText()).contains("model_request").contains("api.example-llm.com")
                .contains("2048 B").contains(secretTitle);
        assertThat(browser.getPageSource()).doesNotContain(TestAlerts.RAW_SECRET);
        screenshot("5-session-timeline");
        browser.findElement(fetchRow).findElement(By.cssSelector("a.placed-alert")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-title"), secretTitle));

        browser.get(service.url() + "/#/overview");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-time svg rect")));
        assertThat(browser.findElement(By.id("chart-users")).getText()).contains("dana@example.com");
        screenshot("4-overview");
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve("console-" + name + ".png"), png);
    }
}
