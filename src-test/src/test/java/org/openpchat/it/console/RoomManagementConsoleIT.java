package org.openpchat.it.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;
import org.openpchat.it.xccos.Demo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The room management page (Lync's "Manage a chat room"): what a manager, a category creator and
 * a user without rights see and can do there, checked through the REST API; and provisioning
 * sending clients to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomManagementConsoleIT {

    static final String PAGE = Browser.CONSOLE + "rooms/";

    @RegisterExtension
    static final Browser browser = new Browser();

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void aManagerSeesTheirRoomsAndAddsAPresenterTheServiceAllows() {
        String room = Fixtures.unique("Desk Watch");
        Api.Reply created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"Trading\","
                + " \"type\": \"Auditorium\", \"description\": \"Morning calls\", \"members\": [\"group:staff\"],"
                + " \"managers\": [\"sip:bob@example.com\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        browser.signInAsDemo("bob");
        browser.open("rooms/");
        browser.waitFor().until(ExpectedConditions.titleContains("Manage rooms"));
        assertThat(roomsListed()).as("bob manages Desk (demo) and the new room").contains("Desk", room);
        assertThat(browser.driver().findElements(By.id("noRights"))).isEmpty();
        browser.assertNoConsoleErrors();

        manage(room);
        assertThat(tokens("members")).containsExactly("group:staff");
        assertThat(tokens("managers")).containsExactly("bob@example.com");
        // dave is an analyst, walled off from Trading: the service refuses, the page says why
        addToken("presenters", "dave@example.com");
        browser.find(By.id("edit:save")).click();
        assertThat(browser.find(By.cssSelector(".ui-message-error")).getText())
                .contains("sip:dave@example.com cannot be a presenter").contains("'Trading'");
        assertThat(strings(admin.get("rooms/" + Api.segment(room)).object(), "presenters")).isEmpty();
        browser.find(By.id("edit:cancel")).click();
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit")));

        manage(room);
        addToken("presenters", "erin@example.com");
        WebElement description = browser.find(By.id("edit:description"));
        description.clear();
        description.sendKeys("Morning calls, 07:30");
        browser.find(By.id("edit:save")).click();

        assertThat(infoMessage()).isEqualTo("Room '" + room + "' saved.");
        JsonObject saved = admin.get("rooms/" + Api.segment(room)).object();
        assertThat(strings(saved, "presenters")).containsExactly("sip:erin@example.com");
        assertThat(saved.getString("description")).isEqualTo("Morning calls, 07:30");
        assertThat(strings(saved, "managers")).containsExactly("sip:bob@example.com");
        assertThat(strings(saved, "members")).containsExactly("group:staff");
        assertThat(saved.getString("type")).isEqualTo("Auditorium");
        assertThat(tokens("presenters")).containsExactly("erin@example.com");
        assertThat(browser.find(By.xpath("//tr[.//span[@class='room-name' and text()='" + room + "']]/td[5]"))
                .getText()).isEqualTo("group:staff");
        browser.assertFitsWidth();
        browser.assertNoConsoleErrors();
        browser.resize(1280, 1280);
        try {
            browser.screenshot("room-management");
        } finally {
            browser.resize(1280, 800);
        }
    }

    @Test
    void aUserWithoutRightsSeesWhyAndNoManagementActions() {
        assertThat(Api.demoUser("carol").get("rooms").status()).as("carol manages no room and creates none")
                .isEqualTo(403);

        browser.signInAsDemo("carol");
        browser.open("rooms/");

        assertThat(browser.find(By.id("noRights")).getText()).contains("You manage no chat rooms and may not create any");
        assertThat(browser.driver().findElements(By.cssSelector("form#create, form#rooms, form#edit"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("main button, main input[type=submit]")))
                .as("no actions on the page").isEmpty();
        browser.assertNoConsoleErrors();
    }

    @Test
    void aCategoryCreatorCreatesARoomThereAndBecomesItsManager() {
        String user = Fixtures.unique("creator") + "@example.com";
        String category = Fixtures.unique("Projects");
        String room = Fixtures.unique("Launch");
        assertThat(admin.post("users", "{\"uri\": \"sip:" + user + "\", \"password\": \"" + Api.DEMO_PASSWORD
                + "\"}").status()).isEqualTo(201);
        Api.Reply made = admin.post("categories", "{\"name\": \"" + category + "\", \"allowedMembers\":"
                + " [\"sip:" + user + "\", \"group:staff\"], \"creators\": [\"sip:" + user + "\"]}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);

        browser.signIn(user, Api.DEMO_PASSWORD);
        browser.open("rooms/");
        browser.waitFor().until(ExpectedConditions.titleContains("Manage rooms"));
        assertThat(browser.find(By.id("createHeading")).getText()).isEqualTo("Create a room");
        assertThat(browser.driver().findElements(By.cssSelector("#creatableCategories li")))
                .extracting(WebElement::getText).containsExactly(category);
        assertThat(browser.driver().findElements(By.cssSelector("[id='create:category_input'] option")))
                .extracting(option -> option.getAttribute("value")).containsExactly(category);
        assertThat(browser.driver().findElements(By.id("rooms"))).as("no rooms to manage yet").isEmpty();
        browser.assertNoConsoleErrors();

        browser.find(By.id("create:name")).sendKeys(room);
        browser.find(By.id("create:description")).sendKeys("Release planning");
        browser.find(By.id("create:createButton")).click();

        assertThat(infoMessage()).startsWith("Room '" + room + "' created in " + category);
        JsonObject stored = admin.get("rooms/" + Api.segment(room)).object();
        assertThat(stored.getString("category")).isEqualTo(category);
        assertThat(stored.getString("description")).isEqualTo("Release planning");
        assertThat(stored.getString("privacy")).isEqualTo("Closed");
        assertThat(strings(stored, "managers")).containsExactly("sip:" + user);
        assertThat(roomsListed()).containsExactly(room);
        assertThat(browser.find(By.id("editedRoom")).getText()).isEqualTo(room);
        browser.assertNoConsoleErrors();
    }

    @Test
    void provisioningSendsClientsToThisPageUnlessAnAdministratorSetAnother() {
        JsonObject global = admin.get("configurations/global").object();
        assertThat(explicitUrl(global)).as("the demo sets no RoomManagementUrl: " + global).isNull();
        assertThat(provisionedRoomManagementUrl()).isEqualTo(PAGE);

        browser.signInAsDemo("bob");
        browser.driver().get(PAGE);
        browser.waitFor().until(ExpectedConditions.titleContains("Manage rooms"));
        assertThat(roomsListed()).contains("Desk");
        browser.assertNoConsoleErrors();

        String elsewhere = "https://intranet.example.com/chat/rooms";
        assertThat(admin.patch("configurations/global", "{\"roomManagementUrl\": \"" + elsewhere + "\"}").status())
                .isEqualTo(200);
        try {
            assertThat(provisionedRoomManagementUrl()).isEqualTo(elsewhere);
        } finally {
            assertThat(admin.patch("configurations/global", "{\"roomManagementUrl\": \"\"}").status()).isEqualTo(200);
        }
        assertThat(explicitUrl(admin.get("configurations/global").object())).isNull();
        assertThat(provisionedRoomManagementUrl()).isEqualTo(PAGE);
    }

    /** The configuration's own setting; the API leaves out what is not set. */
    private static String explicitUrl(JsonObject configuration) {
        return configuration.containsKey("roomManagementUrl") && !configuration.isNull("roomManagementUrl")
                ? configuration.getString("roomManagementUrl") : null;
    }

    private static String provisionedRoomManagementUrl() {
        try (XccosClient client = Demo.connect("bob")) {
            assertThat(client.register(Demo.PASSWORD).status()).isEqualTo(200);
            XccosClient.Provisioning provisioning = client.subscribeProvisioning();
            assertThat(provisioning.enabled()).isTrue();
            return provisioning.persistentChatConfiguration().get("RoomManagementUrl");
        }
    }

    private static List<String> roomsListed() {
        browser.find(By.id("roomsHeading"));
        return browser.driver().findElements(By.cssSelector("#rooms .room-name")).stream()
                .map(WebElement::getText).toList();
    }

    private static void manage(String room) {
        browser.find(By.cssSelector("#rooms button[title='Manage " + room + "']")).click();
        browser.waitFor().until(ExpectedConditions.textToBe(By.id("editedRoom"), room));
    }

    private static List<String> tokens(String list) {
        return browser.driver().findElements(By.cssSelector("[id='edit:" + list + "'] li.ui-chips-token"
                + " .ui-chips-token-label")).stream().map(WebElement::getText).toList();
    }

    private static void addToken(String list, String value) {
        browser.find(By.cssSelector("[id='edit:" + list + "'] input[type=text]")).sendKeys(value, Keys.ENTER);
        browser.waitFor().until(driver -> tokens(list).contains(value));
    }

    private static String infoMessage() {
        return browser.find(By.cssSelector("#messages .ui-messages-info-summary")).getText();
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
