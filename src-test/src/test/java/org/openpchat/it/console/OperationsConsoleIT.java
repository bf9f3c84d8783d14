package org.openpchat.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;
import org.openpchat.it.sipe.SipeClient;
import org.openpchat.it.sipe.SipeEvent;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrators' operations pages: moderation (checked through the API and a real SIPE
 * client's history), export with its progress and download, import's refusals, the message test,
 * and the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsConsoleIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Path SIPE_LOGS = Path.of(System.getProperty("sipe.logs", "target/sipe-logs"))
            .resolve("OperationsConsoleIT-" + System.getProperty("pchat.it.database", "h2"));
    private static final Duration JOB_LIMIT = Duration.ofSeconds(60);

    private final Api admin = Api.admin();
    private final Api alice = Api.demoUser("alice");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void aMessageRemovedInModerationIsGoneFromASipeClientsHistoryAndInTheAuditLog() {
        String removed = Fixtures.unique("moderate me");
        long id = post("Lobby", removed);
        String kept = Fixtures.unique("keep me");
        post("Lobby", kept);
        String lobby = admin.get("rooms/Lobby").object().getString("uri");
        assertThat(lobbyHistoryAsBob(lobby, kept)).as("before the removal").contains(removed);

        browser.signInAsDemo("admin");
        browser.find(By.id("nav-moderation")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Moderation"));
        browser.assertNoConsoleErrors();
        WebElement row = search(removed);
        assertThat(row.getText()).contains("Lobby", "sip:alice@example.com", Long.toString(id));
        browser.screenshot("moderation");
        row.findElement(By.cssSelector("button[id$=':remove']")).click();
        browser.find(By.id("confirmForm:confirmNo")).click();
        assertThat(Api.admin().get("rooms/Lobby/messages/" + id).status()).as("No: nothing removed").isEqualTo(200);
        row.findElement(By.cssSelector("button[id$=':remove']")).click();
        browser.find(By.id("confirmForm:confirmYes")).click();

        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Removed message " + id + " from Lobby."));
        assertThat(browser.find(By.id("results:table")).getText()).doesNotContain(removed);
        assertThat(admin.get("rooms/Lobby/messages/" + id).status()).isEqualTo(404);
        List<String> history = lobbyHistoryAsBob(lobby, kept);
        assertThat(history).as("bob's Lobby history in SIPE after the removal").contains(kept).doesNotContain(removed);
        browser.assertNoConsoleErrors();

        browser.find(By.id("nav-audit")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Audit log"));
        WebElement entry = browser.find(By.xpath("//tbody[@id='entries:table_data']/tr[td//span[@class='target' and "
                + "text()='room:Lobby/message:" + id + "']]"));
        List<WebElement> cells = entry.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).isEqualTo("sip:admin@example.com");
        assertThat(cells.get(2).getText()).isEqualTo("Remove-CsPersistentChatMessage");
        assertThat(cells.get(4).getText()).as("before").contains(removed);
        assertThat(cells.get(5).getText()).as("after: gone").isIn("", "null");
        browser.assertFitsWidth();
        browser.assertNoConsoleErrors();
        browser.screenshot("audit");
    }

    @Test
    void aMessageTextIsReplacedAfterConfirmation() {
        String original = Fixtures.unique("replace me");
        long id = post("Lobby", original);
        String replacement = Fixtures.unique("replaced");

        browser.signInAsDemo("admin");
        browser.open("admin/moderation.xhtml");
        search(original).findElement(By.cssSelector("button[id$=':replace']")).click();
        assertThat(browser.find(By.id("original")).getText()).isEqualTo(original);
        browser.find(By.id("replaceForm:replacement")).sendKeys(replacement);
        browser.find(By.id("replaceForm:replaceButton")).click();
        browser.find(By.id("confirmForm:confirmYes")).click();

        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Replaced the text of message " + id + " in Lobby."));
        assertThat(admin.get("rooms/Lobby/messages/" + id).object().getString("content")).isEqualTo(replacement);
        assertThat(browser.find(By.id("results:table")).getText()).contains(replacement).doesNotContain(original);
        browser.assertNoConsoleErrors();
    }

    @Test
    void aRoomIsClearedUpToATime() {
        String room = Fixtures.unique("Clear Desk");
        Api.Reply created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"General\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        try {
            post(room, Fixtures.unique("old 1"));
            post(room, Fixtures.unique("old 2"));
            String before = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

            browser.signInAsDemo("admin");
            browser.open("admin/moderation.xhtml");
            browser.choose("clear:clearRoom", room);
            WebElement time = browser.find(By.id("clear:clearBefore_input"));
            time.sendKeys(before);
            time.sendKeys(Keys.ESCAPE);
            browser.find(By.id("clear:clearButton")).click();
            browser.find(By.id("confirmForm:confirmYes")).click();

            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Cleared " + room + ": 2 message(s) removed."));
            Api.Reply history = alice.get("rooms/" + Api.segment(room) + "/messages");
            assertThat(history.array()).as(history.toString()).isEmpty();
            browser.assertNoConsoleErrors();
        } finally {
            admin.delete("rooms/" + Api.segment(room));
        }
    }

    @Test
    void anExportIsFollowedToTheEndAndItsArchiveDownloaded() throws Exception {
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-transfer")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Export and import"));
        browser.assertNoConsoleErrors();
        browser.find(By.id("export:exportButton")).click();

        browser.find(By.id("job:progress"));
        browser.screenshot("export-progress");
        new WebDriverWait(browser.driver(), JOB_LIMIT).until(
                ExpectedConditions.textToBe(By.id("jobState"), "succeeded"));
        assertThat(browser.find(By.id("job:progress")).getText()).contains("100%");
        String jobId = browser.find(By.id("jobId")).getText();
        WebElement download = browser.find(By.id("job:download"));
        browser.screenshot("export-done");

        HttpResponse<byte[]> fromConsole = fetch(download.getAttribute("href"));
        assertThat(fromConsole.statusCode()).isEqualTo(200);
        assertThat(fromConsole.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(fromConsole.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("pchat-export-" + jobId + ".zip"));
        Path fromApi = Files.createTempFile(Path.of("target"), "console-export", ".zip");
        try {
            assertThat(admin.download("jobs/" + jobId + "/archive", fromApi)).isEqualTo(200);
            assertThat(fromConsole.body()).as("the archive the API serves").isEqualTo(Files.readAllBytes(fromApi));
        } finally {
            Files.deleteIfExists(fromApi);
        }
        assertThat(fetch(download.getAttribute("href").replace(jobId, "no-such-job")).statusCode()).isEqualTo(404);
        browser.assertNoConsoleErrors();
    }

    @Test
    void anArchiveThatIsNoArchiveIsRefusedNextToTheField() throws Exception {
        Path notAnArchive = Files.createTempFile(Path.of("target").toAbsolutePath(), "not-an-archive", ".zip");
        Files.writeString(notAnArchive, "this is not a zip file");
        try {
            browser.signInAsDemo("admin");
            browser.open("admin/transfer.xhtml");
            browser.driver().findElement(By.cssSelector("#import input[type=file]")).sendKeys(notAnArchive.toString());
            browser.find(By.id("import:importButton")).click();

            WebElement message = browser.find(By.cssSelector("#import .ui-message-error"));
            assertThat(message.getText()).containsIgnoringCase("archive");
            assertThat(browser.driver().findElements(By.id("jobState"))).as("no job started").isEmpty();
            browser.assertNoConsoleErrors();
        } finally {
            Files.deleteIfExists(notAnArchive);
        }
    }

    @Test
    void theMessageTestShowsEveryStepAndTheOneThatFailed() {
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-message-test")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Message test"));
        browser.assertNoConsoleErrors();
        browser.find(By.id("test:sender")).sendKeys("alice@example.com");
        browser.find(By.id("test:senderPassword")).sendKeys(Browser.DEMO_PASSWORD);
        browser.find(By.id("test:receiver")).sendKeys("bob@example.com");
        browser.find(By.id("test:receiverPassword")).sendKeys(Browser.DEMO_PASSWORD);
        browser.find(By.id("test:room")).sendKeys("Lobby");
        browser.find(By.id("test:runButton")).click();

        WebElement summary = new WebDriverWait(browser.driver(), JOB_LIMIT).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
        assertThat(summary.getText()).startsWith("Passed: all 11 steps succeeded in");
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("[id='steps_data'] > tr"));
        assertThat(steps).extracting(step -> step.findElements(By.tagName("td")).get(0).getText()).containsExactly(
                "register-sender", "register-receiver", "open-sender-session", "open-receiver-session", "find-room",
                "receiver-joins", "sender-joins", "post", "receive", "leave", "sign-out");
        assertThat(steps).allSatisfy(step -> {
            List<WebElement> cells = step.findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isEqualTo("passed");
            assertThat(cells.get(2).getText()).matches("\\d+");
        });
        browser.screenshot("message-test");

        WebElement password = browser.find(By.id("test:senderPassword"));
        password.clear();
        password.sendKeys("not-the-password");
        browser.find(By.id("test:receiverPassword")).sendKeys(Browser.DEMO_PASSWORD);
        browser.find(By.id("test:runButton")).click();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("summary"), "Failed at step register-sender."));
        WebElement failed = browser.find(By.cssSelector("[id='steps_data'] > tr.failed-step"));
        assertThat(failed.getText()).contains("register-sender", "FAILED");
        browser.assertNoConsoleErrors();
    }

    /** Searches moderation for a unique text; its one row. */
    private static WebElement search(String text) {
        browser.find(By.id("search:text")).sendKeys(text);
        browser.find(By.id("search:searchButton")).click();
        By rows = By.xpath("//tbody[@id='results:table_data']/tr[contains(., '" + text + "')]");
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBe(rows, 1));
        return browser.find(rows);
    }

    private long post(String room, String text) {
        Api.Reply posted = alice.post("rooms/" + Api.segment(room) + "/messages", "{\"content\": \"" + text + "\"}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.object().getJsonNumber("id").longValue();
    }

    /**
     * The Lobby's history as a real SIPE client (bob) gets it when joining, up to the newest post;
     * the texts, oldest first.
     */
    private static List<String> lobbyHistoryAsBob(String lobbyUri, String newest) {
        SipeClient.requireDriver();
        try (SipeClient bob = SipeClient.start("bob", Browser.DEMO_PASSWORD, SIPE_LOGS)) {
            bob.signOn();
            bob.rooms();
            bob.join(lobbyUri, "Lobby");
            bob.expect(SipeEvent.CHAT_MSG, "Lobby", null, Pattern.quote(newest));
            return bob.all(SipeEvent.CHAT_MSG, "Lobby").stream().map(SipeEvent::text).toList();
        }
    }

    /** A GET in the browser's console session (its session cookie), outside the browser. */
    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpClient client = HttpClient.newBuilder().sslContext(Api.trustDomainCertificate())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session.getValue())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
