package org.openpchat.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrators' pages for users, groups, policies, configuration and compliance
 * configuration, checked through the REST API: what the console did is what the server now holds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryConsoleIT {

    private static final String PASSWORD = "Console-pass-1";
    /** Signing in as a member of staff: the demo's Lobby is open to them. */
    private static final String STAFF_ONLY = "rooms/Lobby/messages?limit=1";

    @RegisterExtension
    static final Browser browser = new Browser();

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void anAdministratorCreatesAUserChangesTheirPasswordAndRemovesThem() {
        String user = Fixtures.unique("console") + "@example.com";
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-users")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Users"));
        browser.assertNoConsoleErrors();

        type("create:uri", "sip:" + user);
        type("create:displayName", "Console User");
        type("create:password", "short");
        browser.find(By.id("create:groups_input")).sendKeys("staff", Keys.ENTER);
        browser.find(By.id("create:createButton")).click();
        assertThat(messageOf("create:passwordMessage")).contains("a password has 8 to");
        assertThat(admin.get("users/sip:" + user).status()).as("a refused user is not created").isEqualTo(404);

        type("create:password", PASSWORD);
        browser.find(By.id("create:createButton")).click();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("address"), "sip:" + user));
        assertThat(browser.path()).startsWith("admin/user.xhtml");
        assertThat(browser.driver().getPageSource()).doesNotContain(PASSWORD);
        browser.assertNoConsoleErrors();
        JsonObject created = admin.get("users/sip:" + user).object();
        assertThat(created.getString("displayName")).isEqualTo("Console User");
        assertThat(strings(created, "groups")).containsExactly("group:staff");
        assertThat(Api.as(user, PASSWORD).get(STAFF_ONLY).status()).isEqualTo(200);

        type("password:newPassword", "1234567");
        browser.find(By.id("password:setPassword")).click();
        assertThat(messageOf("password:newPasswordMessage")).contains("a password has 8 to");
        type("password:newPassword", "Console-pass-2");
        browser.find(By.id("password:setPassword")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "The password of sip:" + user + " was changed."));
        assertThat(browser.find(By.id("password:newPassword")).getAttribute("value")).as("never shown back").isEmpty();
        assertThat(Api.as(user, PASSWORD).get(STAFF_ONLY).status()).as("the old password").isEqualTo(401);
        assertThat(Api.as(user, "Console-pass-2").get(STAFF_ONLY).status()).as("the new password").isEqualTo(200);
        browser.assertNoConsoleErrors();

        browser.open("admin/users.xhtml");
        type("search:filter", user);
        browser.find(By.id("search:searchButton")).click();
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#search\\:users a.user-link"), 1));
        browser.find(By.linkText("sip:" + user)).click();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("address"), "sip:" + user));
        browser.find(By.id("remove:delete")).click();
        browser.find(By.id("remove:confirmYes")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "User sip:" + user + " removed."));
        assertThat(browser.path()).startsWith("admin/users.xhtml");
        assertThat(admin.get("users/sip:" + user).status()).isEqualTo(404);
        browser.assertNoConsoleErrors();
    }

    @Test
    void aCsvImportShowsItsCountsAndCreatesTheUsers(@TempDir Path folder) throws Exception {
        String first = Fixtures.unique("imported1") + "@example.com";
        String second = Fixtures.unique("imported2") + "@example.com";
        Path csv = Files.writeString(folder.resolve("users.csv"), "uri,displayName,password,groups\n"
                + "sip:" + first + ",First Imported," + PASSWORD + ",staff\n"
                + "sip:" + second + ",\"Second, Imported\",,staff\n", StandardCharsets.UTF_8);
        browser.signInAsDemo("admin");
        browser.open("admin/users.xhtml");

        browser.find(By.id("import:importButton")).click();
        assertThat(messageOf("import:csvMessage")).isEqualTo("choose the CSV file to import");
        browser.driver().findElement(By.id("import:csv")).sendKeys(csv.toAbsolutePath().toString());
        browser.find(By.id("import:importButton")).click();

        browser.waitFor().until(ExpectedConditions.textToBe(By.id("state"), "succeeded"));
        assertThat(browser.path()).startsWith("admin/user-import.xhtml?job=");
        assertThat(browser.find(By.id("created")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("updated")).getText()).isEqualTo("0");
        assertThat(browser.find(By.id("groupsCreated")).getText()).isEqualTo("0");
        assertThat(browser.find(By.id("result:noErrors")).getText()).isEqualTo("None.");
        browser.assertNoConsoleErrors();
        browser.screenshot("user-import");
        assertThat(strings(admin.get("users/sip:" + first).object(), "groups")).containsExactly("group:staff");
        assertThat(admin.get("users/sip:" + second).object().getString("displayName")).isEqualTo("Second, Imported");
        assertThat(Api.as(first, PASSWORD).get(STAFF_ONLY).status()).isEqualTo(200);
    }

    @Test
    void groupsAreCreatedGivenMembersAndDeleted() {
        String group = Fixtures.unique("console-group");
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-groups")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Groups"));
        browser.assertNoConsoleErrors();

        type("create:name", group);
        type("create:displayName", "Console group");
        browser.find(By.id("create:createButton")).click();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("selectedHeading"), "Group " + group));
        assertThat(admin.get("groups/" + group).object().getString("displayName")).isEqualTo("Console group");

        type("members:member", "sip:bob@example.com");
        browser.find(By.id("members:addMember")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("members:memberTable"),
                "sip:bob@example.com"));
        type("members:member", "group:staff");
        browser.find(By.id("members:addMember")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("members:memberTable"),
                "group:staff"));
        assertThat(strings(admin.get("groups/" + group).object(), "members"))
                .containsExactly("group:staff", "sip:bob@example.com");

        type("members:member", "not a principal");
        browser.find(By.id("members:addMember")).click();
        assertThat(messageOf("members:memberMessage")).isNotEmpty();

        browser.find(By.xpath("//tr[.//span[text()='sip:bob@example.com']]//button[contains(@id,'removeMember')]"))
                .click();
        browser.waitFor().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.id("members:memberTable"), "sip:bob@example.com")));
        assertThat(strings(admin.get("groups/" + group).object(), "members")).containsExactly("group:staff");
        browser.assertNoConsoleErrors();

        browser.find(By.id("members:delete")).click();
        browser.find(By.id("members:confirmYes")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Group " + group + " removed."));
        assertThat(admin.get("groups/" + group).status()).isEqualTo(404);
        browser.assertNoConsoleErrors();
    }

    @Test
    void aPolicyIsCreatedChangedGrantedAndDeleted() {
        String tag = Fixtures.unique("ConsolePilot");
        String user = Fixtures.unique("pilot") + "@example.com";
        assertThat(admin.post("users", "{\"uri\": \"sip:" + user + "\"}").status()).isEqualTo(201);
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-policies")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Policies"));
        browser.assertNoConsoleErrors();

        type("create:identity", "tag:" + tag);
        type("create:description", "made in the console");
        browser.find(By.id("create:createButton")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Policy tag:" + tag + " created."));
        assertThat(admin.get("policies/tag:" + tag).object().getBoolean("enablePersistentChat")).isTrue();

        rowButton("tag:" + tag, "edit").click();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("editHeading"), "Edit policy tag:" + tag));
        browser.find(By.cssSelector("[id='edit:enabled'] .ui-chkbox-box")).click();
        browser.find(By.id("edit:save")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Policy tag:" + tag + " saved."));
        JsonObject changed = admin.get("policies/tag:" + tag).object();
        assertThat(changed.getBoolean("enablePersistentChat")).isFalse();
        assertThat(changed.getString("description")).isEqualTo("made in the console");

        type("grant:grantee", "sip:" + user);
        browser.choose("grant:policy", "tag:" + tag);
        browser.find(By.id("grant:grantButton")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "tag:" + tag + " granted to sip:" + user + "."));
        assertThat(admin.get("users/sip:" + user).object().getString("policy")).isEqualTo(tag);
        browser.assertNoConsoleErrors();

        rowButton("tag:" + tag, "delete").click();
        browser.find(By.id("policies:confirmYes")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "granted to 1 user"));
        assertThat(admin.get("policies/tag:" + tag).status()).as("still granted").isEqualTo(200);
        browser.find(By.cssSelector("[id='policies:force'] .ui-chkbox-box")).click();
        rowButton("tag:" + tag, "delete").click();
        browser.find(By.id("policies:confirmYes")).click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Policy tag:" + tag + " removed."));
        assertThat(admin.get("policies/tag:" + tag).status()).isEqualTo(404);
        browser.assertNoConsoleErrors();
        admin.delete("users/sip:" + user);
    }

    @Test
    void theGlobalConfigurationIsEditedAndRestored() {
        int before = admin.get("configurations/global").object().getInt("defaultChatHistory");
        int changed = before == 500 ? 499 : before + 1;
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-configuration")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Configuration"));
        browser.assertNoConsoleErrors();
        assertThat(browser.find(By.id("editHeading")).getText()).isEqualTo("Configuration global");
        assertThat(browser.find(By.id("edit:defaultChatHistory")).getAttribute("value"))
                .isEqualTo(Integer.toString(before));
        try {
            type("edit:defaultChatHistory", "0");
            browser.find(By.id("edit:save")).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "DefaultChatHistory"));
            assertThat(admin.get("configurations/global").object().getInt("defaultChatHistory")).isEqualTo(before);

            type("edit:defaultChatHistory", Integer.toString(changed));
            browser.find(By.id("edit:save")).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Configuration global saved."));
            assertThat(admin.get("configurations/global").object().getInt("defaultChatHistory")).isEqualTo(changed);

            type("edit:defaultChatHistory", Integer.toString(before));
            browser.find(By.id("edit:save")).click();
            browser.waitFor().until(driver -> admin.get("configurations/global").object()
                    .getInt("defaultChatHistory") == before);
            browser.assertNoConsoleErrors();
        } finally {
            admin.patch("configurations/global", "{\"defaultChatHistory\": " + before + "}");
        }
    }

    @Test
    void exportNowReportsWhatItExported() {
        browser.signInAsDemo("admin");
        browser.find(By.id("nav-compliance")).click();
        browser.waitFor().until(ExpectedConditions.titleContains("Compliance configuration"));
        browser.assertNoConsoleErrors();
        JsonObject global = admin.get("compliance-configurations/global").object();
        assertThat(browser.find(By.id("edit:adapterType")).getAttribute("value"))
                .isEqualTo(global.getString("adapterType"));
        assertThat(browser.find(By.id("edit:runInterval")).getAttribute("value")).isEqualTo(
                Long.toString(Duration.parse(global.getString("runInterval")).toMinutes()));

        browser.find(By.id("export:exportNow")).click();
        browser.waitFor().until(ExpectedConditions.textMatches(By.id("messages"),
                Pattern.compile("Exported \\d+ events? with compliance configuration global\\.")));
        browser.assertNoConsoleErrors();
    }

    private static void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The text of a field's message, once it shows. */
    private static String messageOf(String id) {
        browser.waitFor().until(ExpectedConditions.textMatches(By.id(id), Pattern.compile(".+")));
        return browser.find(By.id(id)).getText();
    }

    private static WebElement rowButton(String identity, String button) {
        return browser.find(By.xpath("//tr[.//span[@class='policy-identity' and text()='" + identity
                + "']]//button[contains(@id,':" + button + "')]"));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
