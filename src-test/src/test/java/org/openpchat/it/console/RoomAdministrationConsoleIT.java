package org.openpchat.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrators' pages for categories, rooms and add-ins, checked through the REST API:
 * what the console creates, changes and deletes is what the server holds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomAdministrationConsoleIT {

    private static final String BOB = "sip:bob@example.com";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void aClosedRoomInANewCategoryIsCreatedFoundEditedDisabledAndDeleted() {
        String category = Fixtures.unique("Console category");
        String room = Fixtures.unique("Console room");
        Api admin = Api.admin();
        signInAsAdministrator();

        openFromNavigation("nav-categories", "Categories");
        type(By.id("category:name"), category);
        type(By.id("category:description"), "Made in the console");
        addChip("category:allowedMembers", "group:staff");
        addChip("category:creators", "sip:admin@example.com");
        browser.click(By.id("category:save"));
        awaitMessage("Category " + category + " created.");
        browser.assertNoConsoleErrors();
        JsonObject madeCategory = admin.get("categories/" + Api.segment(category)).object();
        assertThat(madeCategory.getString("description")).isEqualTo("Made in the console");
        assertThat(texts(madeCategory.getJsonArray("allowedMembers"))).containsExactly("group:staff");
        assertThat(texts(madeCategory.getJsonArray("creators"))).containsExactly("sip:admin@example.com");

        openFromNavigation("nav-rooms-admin", "Rooms");
        type(By.id("search:member"), "bob@example.com");
        browser.click(By.id("search:find"));
        assertThat(awaitText(By.id("search:memberMessage"), "sip:<address>"))
                .as("a member not written as a principal is refused next to its field").contains("bob@example.com");
        browser.assertNoConsoleErrors();

        browser.click(By.id("search:newRoom"));
        browser.waitFor().until(ExpectedConditions.titleContains("New room"));
        type(By.id("room:name"), room);
        type(By.id("room:description"), "Closed room from the console");
        browser.choose("room:category", category);
        browser.click(By.cssSelector("label[for='room:privacy:1']"));
        addChip("room:members", BOB);
        browser.click(By.id("room:save"));
        browser.waitFor().until(ExpectedConditions.titleContains("Room " + room));
        awaitMessage("Room " + room + " created.");
        assertThat(browser.path()).startsWith("admin/room.xhtml?name=");
        assertThat(browser.find(By.id("room:roomUri")).getText()).startsWith("ma-chan://");
        assertThat(browser.find(chip("room:members", BOB)).getText()).isEqualTo(BOB);
        browser.assertNoConsoleErrors();
        browser.resize(1280, 1150);
        browser.screenshot("room-editor");
        browser.resize(1280, 800);
        JsonObject made = admin.get("rooms/" + Api.segment(room)).object();
        assertThat(made.getString("privacy")).isEqualTo("Closed");
        assertThat(made.getString("category")).isEqualTo(category);
        assertThat(texts(made.getJsonArray("members"))).contains(BOB);

        openFromNavigation("nav-rooms-admin", "Rooms");
        type(By.id("search:name"), room);
        search(By.id("search:find"));
        awaitText(By.id("search:results"), room);
        assertThat(browser.find(By.id("resultCount")).getText()).isEqualTo("1");
        search(By.id("search:clear"));
        type(By.id("search:member"), BOB);
        search(By.id("search:find"));
        int bobsRooms = admin.get("rooms?member=" + Api.segment(BOB)).array().size();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("resultCount"), Integer.toString(bobsRooms)));
        browser.choose("search:category", category);
        search(By.id("search:find"));
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("resultCount"), "1"));
        browser.assertNoConsoleErrors();
        browser.click(By.linkText(room));

        browser.waitFor().until(ExpectedConditions.titleContains("Room " + room));
        type(By.id("room:description"), "Edited in the console");
        browser.click(By.id("room:save"));
        awaitMessage("Room " + room + " saved.");
        assertThat(admin.get("rooms/" + Api.segment(room)).object().getString("description"))
                .isEqualTo("Edited in the console");
        browser.click(By.id("room:toggleDisabled"));
        awaitMessage("Room " + room + " disabled.");
        assertThat(browser.find(By.id("room:roomState")).getText()).isEqualTo("disabled");
        assertThat(admin.get("rooms/" + Api.segment(room)).object().getBoolean("disabled")).isTrue();
        browser.assertNoConsoleErrors();

        browser.click(By.id("room:delete"));
        browser.click(By.id("room:confirmNo"));
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("room:confirm")));
        assertThat(admin.get("rooms/" + Api.segment(room)).status()).as("cancelled").isEqualTo(200);
        browser.click(By.id("room:delete"));
        browser.click(By.id("room:confirmYes"));
        browser.waitFor().until(ExpectedConditions.titleContains("Rooms"));
        awaitMessage("Room " + room + " deleted.");
        assertThat(admin.get("rooms/" + Api.segment(room)).status()).isEqualTo(404);
        browser.assertNoConsoleErrors();

        openFromNavigation("nav-categories", "Categories");
        type(By.id("categories:nameFilter"), category);
        browser.click(By.id("categories:filter"));
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id='categories:table_data'] > tr"), 1));
        WebElement row = browser.find(By.xpath("//tbody//tr[.//span[@class='item-name' and text()='" + category + "']]"));
        assertThat(row.getText()).contains("group:staff", "sip:admin@example.com", "Made in the console");
        row.findElement(By.cssSelector("button[id$=':delete']")).click();
        browser.click(By.id("categories:confirmYes"));
        awaitMessage("Category " + category + " deleted.");
        assertThat(admin.get("categories/" + Api.segment(category)).status()).isEqualTo(404);
        browser.assertNoConsoleErrors();
    }

    @Test
    void anAddinIsRegisteredRepointedAndRemoved() {
        String addin = Fixtures.unique("Console add-in");
        Api admin = Api.admin();
        signInAsAdministrator();

        openFromNavigation("nav-addins", "Add-ins");
        type(By.id("addin:name"), addin);
        type(By.id("addin:url"), "https://intranet.example.com/first");
        browser.click(By.id("addin:save"));
        awaitMessage("Add-in " + addin + " created.");
        assertThat(admin.get("addins/" + Api.segment(addin)).object().getString("url"))
                .isEqualTo("https://intranet.example.com/first");
        type(By.id("addins:nameFilter"), addin);
        browser.click(By.id("addins:filter"));
        browser.waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id='addins:table_data'] > tr"), 1));
        assertThat(browser.find(By.id("addins:table_data")).getText()).contains(addin, "https://intranet.example.com/first");
        browser.assertNoConsoleErrors();

        type(By.id("addin:url"), "https://intranet.example.com/second");
        browser.click(By.id("addin:save"));
        awaitMessage("Add-in " + addin + " saved.");
        assertThat(admin.get("addins/" + Api.segment(addin)).object().getString("url"))
                .isEqualTo("https://intranet.example.com/second");

        browser.click(By.id("addin:delete"));
        browser.click(By.id("addins:confirmYes"));
        awaitMessage("Add-in " + addin + " deleted.");
        assertThat(admin.get("addins/" + Api.segment(addin)).status()).isEqualTo(404);
        browser.assertNoConsoleErrors();
    }

    private static void signInAsAdministrator() {
        browser.signInAsDemo("admin");
        browser.waitFor().until(ExpectedConditions.titleContains("Dashboard"));
        browser.assertNoConsoleErrors();
    }

    private static void openFromNavigation(String link, String title) {
        browser.click(By.id(link));
        browser.waitFor().until(ExpectedConditions.titleContains(title));
        browser.assertNoConsoleErrors();
    }

    /** Clicks a button of the room search and waits until its results have been replaced. */
    private static void search(By button) {
        WebElement results = browser.find(By.id("search:results"));
        browser.click(button);
        browser.waitFor().until(ExpectedConditions.stalenessOf(results));
    }

    private static void type(By by, String text) {
        WebElement field = browser.find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Adds an entry to a p:chips list as a user does: type it, press Enter. */
    private static void addChip(String chipsId, String entry) {
        browser.find(By.id(chipsId + "_input")).sendKeys(entry, Keys.ENTER);
        browser.find(chip(chipsId, entry));
    }

    private static By chip(String chipsId, String entry) {
        return By.xpath("//*[@id='" + chipsId + "']//li[contains(@class, 'ui-chips-token')]"
                + "/span[@class='ui-chips-token-label' and text()='" + entry + "']");
    }

    private static void awaitMessage(String text) {
        awaitText(By.id("messages"), text);
    }

    private static String awaitText(By by, String text) {
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return browser.find(by).getText();
    }

    private static List<String> texts(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
