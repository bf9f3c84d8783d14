package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.it.api.Api.segment;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;

/**
 * Categories, rooms and add-ins through /pchat/api/v1 as an administrator, a room manager, a
 * category creator, a plain user and nobody: every refusal code, list modifiers, ETags, the
 * HTTPS redirect and the throttling of wrong passwords, against the shipped EAR.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdministrationApiIT {

    private final Api admin = Api.admin();
    private String category;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @BeforeEach
    void aCategoryForStaff() {
        category = Fixtures.unique("Category");
        Api.Reply created = admin.post("categories", "{\"name\": \"" + category + "\", \"description\": \"it\","
                + " \"allowedMembers\": [\"group:staff\"], \"invitations\": true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void anAdministratorCreatesReadsChangesAndDeletesARoom() {
        String room = Fixtures.unique("Bond Desk");
        Api.Reply created = admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"" + category
                + "\", \"privacy\": \"Closed\", \"members\": [\"sip:bob@example.com\"], \"description\": \"bonds\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/pchat/api/v1/rooms/" + segment(room));
        assertThat(created.header("ETag")).isNotBlank();
        JsonObject body = created.object();
        assertThat(body.getString("name")).isEqualTo(room);
        assertThat(body.getString("uri")).startsWith("ma-chan://example.com/");
        assertThat(body.getString("privacy")).isEqualTo("Closed");
        assertThat(body.getString("type")).isEqualTo("Normal");
        assertThat(body.getString("invitations")).isEqualTo("Inherit");
        assertThat(body.getBoolean("disabled")).isFalse();
        assertThat(strings(body, "members")).containsExactly("sip:bob@example.com");
        assertThat(strings(body, "managers")).as("an administrator does not become the manager").isEmpty();

        Api.Reply read = admin.get("rooms/" + segment(room));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.object()).isEqualTo(body);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));

        Api.Reply changed = admin.patch("rooms/" + segment(room), "{\"type\": \"auditorium\", \"description\": \"new\","
                + " \"presenters\": {\"add\": [\"sip:bob@example.com\"]}, \"disabled\": true}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.object().getString("type")).isEqualTo("Auditorium");
        assertThat(changed.object().getString("description")).isEqualTo("new");
        assertThat(changed.object().getBoolean("disabled")).isTrue();
        assertThat(strings(changed.object(), "presenters")).containsExactly("sip:bob@example.com");
        assertThat(changed.header("ETag")).isNotEqualTo(created.header("ETag"));

        assertThat(admin.get("rooms?category=" + segment(category)).array()).hasSize(1);
        assertThat(admin.get("rooms?filter=" + segment(room.substring(0, 6)) + "*&disabled=true").array())
                .extracting(v -> v.asJsonObject().getString("name")).contains(room);
        assertThat(admin.get("rooms?filter=" + segment(room) + "&disabled=false").array()).isEmpty();
        assertThat(admin.get("rooms?member=sip:bob@example.com&category=" + segment(category)).array()).hasSize(1);

        assertThat(admin.delete("rooms/" + segment(room)).status()).isEqualTo(204);
        assertThat(admin.get("rooms/" + segment(room)).status()).isEqualTo(404);
        assertThat(admin.delete("categories/" + segment(category)).status()).isEqualTo(204);
        assertThat(admin.get("categories/" + segment(category)).status()).isEqualTo(404);
    }

    @Test
    void listModifiersAddRemoveAndReplace() {
        String room = createRoom("{\"members\": [\"sip:alice@example.com\", \"sip:bob@example.com\"]}");
        String path = "rooms/" + segment(room);

        assertThat(strings(admin.patch(path, "{\"members\": {\"add\": [\"group:staff\"], \"remove\":"
                + " [\"sip:alice@example.com\"]}}").object(), "members"))
                .containsExactly("group:staff", "sip:bob@example.com");
        assertThat(strings(admin.patch(path, "{\"members\": {\"replace\": [\"sip:carol@example.com\"]},"
                + " \"managers\": {\"add\": [\"sip:Carol@Example.com\"]}}").object(), "members"))
                .containsExactly("sip:carol@example.com");
        assertThat(strings(admin.get(path).object(), "managers")).containsExactly("sip:carol@example.com");
        assertThat(strings(admin.patch(path, "{\"members\": {\"replace\": []}}").object(), "members")).isEmpty();

        String categoryPath = "categories/" + segment(category);
        JsonObject changed = admin.patch(categoryPath, "{\"deniedMembers\": {\"add\": [\"group:analysts\"]},"
                + " \"creators\": {\"add\": [\"sip:erin@example.com\", \"ou:OU=Traders,DC=example,DC=com\"]},"
                + " \"allowedMembers\": {\"add\": [\"domain:example.com\"]}}").object();
        assertThat(strings(changed, "deniedMembers")).containsExactly("group:analysts");
        assertThat(strings(changed, "creators")).containsExactly("ou:ou=traders,dc=example,dc=com",
                "sip:erin@example.com");
        assertThat(strings(changed, "allowedMembers")).containsExactly("domain:example.com", "group:staff");
        assertThat(strings(admin.patch(categoryPath, "{\"creators\": {\"remove\": [\"sip:erin@example.com\"]}}")
                .object(), "creators")).containsExactly("ou:ou=traders,dc=example,dc=com");
        // carol managed this room only for the test: other classes rely on the demo's carol having no rights
        assertThat(admin.delete(path).status()).isEqualTo(204);
    }

    @Test
    void malformedRequestsAre400NamingTheFieldAndChangeNothing() {
        String room = createRoom("{}");
        String path = "rooms/" + segment(room);
        String tag = admin.get(path).header("ETag");

        assertProblem(admin.patch(path, "{\"description\": "), 400, null, "malformed JSON");
        assertProblem(admin.patch(path, "[1, 2]"), 400, null, "JSON object");
        assertProblem(admin.patch(path, "{\"colour\": \"red\"}"), 400, "colour", "unknown field");
        assertProblem(admin.patch(path, "{\"privacy\": \"Public\"}"), 400, "privacy", "Open, Closed, Secret");
        assertProblem(admin.patch(path, "{\"privacy\": 3}"), 400, "privacy", "string");
        assertProblem(admin.patch(path, "{\"disabled\": \"yes\"}"), 400, "disabled", "true or false");
        assertProblem(admin.patch(path, "{\"name\": \"" + "x".repeat(257) + "\"}"), 400, "name", "256");
        assertProblem(admin.patch(path, "{\"members\": [\"sip:bob@example.com\"]}"), 400, "members", "modifier");
        assertProblem(admin.patch(path, "{\"members\": {\"replace\": [], \"add\": [\"sip:bob@example.com\"]}}"), 400,
                "members", "replace cannot be combined");
        assertProblem(admin.patch(path, "{\"members\": {\"add\": [\"bob\"]}}"), 400, "members.add", "principal");
        assertProblem(admin.patch(path, "{\"members\": {\"insert\": []}}"), 400, "members.insert", "unknown modifier");
        assertProblem(admin.post("rooms", "{\"name\": \"x\"}"), 400, "category", "required");
        assertProblem(admin.get("rooms?disabled=maybe"), 400, "disabled", "true or false");

        assertThat(admin.get(path).header("ETag")).as("nothing changed").isEqualTo(tag);
    }

    @Test
    void unknownItemsAre404AndCollisionsOrItemsInUse409() {
        assertProblem(admin.get("rooms/" + segment(Fixtures.unique("nowhere"))), 404, null, "no such room");
        assertProblem(admin.get("categories/" + segment(Fixtures.unique("nowhere"))), 404, null, "no such category");
        assertProblem(admin.post("rooms", "{\"name\": \"r\", \"category\": \"" + Fixtures.unique("none") + "\"}"), 404,
                null, "no such category");
        assertProblem(admin.get("v2-nothing-here"), 404, null, null);

        String room = createRoom("{}");
        String other = createRoom("{}");
        assertProblem(admin.post("categories", "{\"name\": \"" + category + "\"}"), 409, null, "already exists");
        assertProblem(admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"" + category + "\"}"), 409,
                null, "already exists");
        assertProblem(admin.patch("rooms/" + segment(other), "{\"name\": \"" + room + "\"}"), 409, null,
                "already exists");
        assertProblem(admin.delete("categories/" + segment(category)), 409, null, "2 room(s)");
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneApplies() {
        String room = createRoom("{}");
        String path = "rooms/" + segment(room);
        String seen = admin.get(path).header("ETag");

        Api.Reply first = admin.patch(path, "{\"description\": \"first\"}", seen);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertProblem(admin.patch(path, "{\"description\": \"second\"}", seen), 412, null, "changed since");
        assertThat(admin.get(path).object().getString("description")).isEqualTo("first");
        assertThat(admin.patch(path, "{\"description\": \"second\"}", first.header("ETag")).status()).isEqualTo(200);
        assertProblem(admin.patch(path, "{\"description\": \"x\"}", "not-a-tag"), 400, "If-Match", "entity tag");
    }

    @Test
    void aRefusedRequestChangesNothingAtAll() {
        String room = createRoom("{\"description\": \"before\"}");
        String walled = Fixtures.unique("Walled");
        assertThat(admin.post("categories", "{\"name\": \"" + walled + "\", \"allowedMembers\": [\"group:staff\"],"
                + " \"deniedMembers\": [\"group:analysts\"]}").status()).isEqualTo(201);

        // the description would apply, the member is refused: neither happens
        assertProblem(admin.patch("rooms/" + segment(room), "{\"description\": \"after\", \"category\": \"" + walled
                + "\", \"members\": {\"add\": [\"sip:dave@example.com\"]}}"), 403, null, "dave");
        JsonObject unchanged = admin.get("rooms/" + segment(room)).object();
        assertThat(unchanged.getString("description")).isEqualTo("before");
        assertThat(unchanged.getString("category")).isEqualTo(category);
        assertThat(strings(unchanged, "members")).isEmpty();
    }

    @Test
    void managersAndCreatorsActWithinTheirRightsAndOthersAreRefused() {
        String manager = newUser("manager");
        String creator = newUser("creator");
        String plain = newUser("plain");
        String room = createRoom("{\"managers\": [\"sip:" + manager + "\"]}");
        String foreign = Fixtures.unique("Foreign");
        assertThat(admin.post("categories", "{\"name\": \"" + foreign + "\", \"allowedMembers\": [\"domain:example.com\"],"
                + " \"creators\": [\"sip:" + creator + "\"]}").status()).isEqualTo(201);
        assertThat(admin.patch("categories/" + segment(category), "{\"creators\": {\"add\": [\"sip:" + creator
                + "\"]}}").status()).isEqualTo(200);
        Api asManager = Api.as(manager, PASSWORD);
        Api asCreator = Api.as(creator, PASSWORD);
        Api asPlain = Api.as(plain, PASSWORD);

        assertThat(asManager.get("rooms").array()).extracting(v -> v.asJsonObject().getString("name"))
                .containsExactly(room);
        Api.Reply managed = asManager.patch("rooms/" + segment(room), "{\"presenters\": {\"add\":"
                + " [\"sip:carol@example.com\"]}, \"privacy\": \"Secret\", \"disabled\": true}");
        assertThat(managed.status()).as(managed.toString()).isEqualTo(200);
        assertThat(strings(managed.object(), "presenters")).containsExactly("sip:carol@example.com");
        assertProblem(asManager.patch("rooms/" + segment(room), "{\"category\": \"" + foreign + "\"}"), 403, null,
                "may not move");
        assertProblem(asManager.delete("rooms/" + segment(room)), 403, null, "may not delete");
        assertProblem(asManager.get("categories"), 403, null, "administrators");
        assertProblem(asManager.get("rooms/Lobby"), 403, null, "may not manage");
        assertProblem(asManager.get("audit"), 403, null, "administrators");

        String created = Fixtures.unique("Creators room");
        Api.Reply byCreator = asCreator.post("rooms", "{\"name\": \"" + created + "\", \"category\": \"" + foreign
                + "\", \"members\": [\"sip:alice@example.com\"]}");
        assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(201);
        assertThat(strings(byCreator.object(), "managers")).as("a creator manages what it creates")
                .containsExactly("sip:" + creator);
        assertThat(asCreator.patch("rooms/" + segment(created), "{\"category\": \"" + category + "\"}").status())
                .as("a manager who is a creator of the target may move the room").isEqualTo(200);
        assertProblem(asManager.post("rooms", "{\"name\": \"" + Fixtures.unique("no") + "\", \"category\": \""
                + category + "\"}"), 403, null, "may not create rooms");

        assertProblem(asPlain.get("rooms"), 403, null, "manages no room");
        assertProblem(asPlain.get("categories"), 403, null, "administrators");
        assertProblem(asPlain.post("rooms", "{\"name\": \"x\", \"category\": \"" + category + "\"}"), 403, null,
                "may not create rooms");
        assertProblem(asPlain.get("rooms/Lobby"), 403, null, "may not manage");
        assertProblem(asPlain.get("rooms/" + segment(room)), 404, null, "no such room"); // now Secret and disabled

        Api.Reply anonymous = Api.anonymous().get("rooms");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=\"Persistent Chat\"");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.as(plain, "Wrong-password").get("rooms").status()).isEqualTo(401);
    }

    @Test
    void eligiblePrincipalsAreWhomTheCategoryAdmitsAndAnAuditoriumsMembers() {
        assertThat(admin.patch("categories/" + segment(category), "{\"deniedMembers\": {\"add\": [\"group:analysts\"]}}")
                .status()).isEqualTo(200);
        List<String> eligible = admin.get("categories/" + segment(category) + "/eligible-principals?filter=example.com"
                + "&limit=1000").array().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertThat(eligible).contains("sip:alice@example.com", "sip:erin@example.com")
                .doesNotContain("sip:dave@example.com", "sip:admin@example.com");

        String auditorium = createRoom("{\"type\": \"Auditorium\", \"members\": [\"sip:carol@example.com\"]}");
        assertThat(admin.get("rooms/" + segment(auditorium) + "/eligible-principals?presenters=true&filter=example.com")
                .array().getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("sip:carol@example.com");
        assertProblem(admin.get("rooms/Lobby/eligible-principals?presenters=true"), 400, null, "not an auditorium");
        assertProblem(Api.demoUser("bob").get("categories/General/eligible-principals"), 403, null, "administrators");
    }

    @Test
    void plainHttpIsRedirectedToHttpsBeforeAnyCredentialIsChecked() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:8080/pchat/api/v1/rooms")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://localhost:8181/pchat/api/v1/rooms");
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() {
        String user = newUser("guessed");
        Api guesser = Api.as(user, "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("rooms").status()).as("wrong password #" + (i + 1)).isEqualTo(401);
        }

        Api.Reply locked = guesser.get("rooms");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
        assertThat(locked.detail()).contains("too many wrong passwords");
        assertThat(Api.as(user, PASSWORD).get("rooms").status()).as("even the right password waits").isEqualTo(429);
    }

    @Test
    void addinsAreRegisteredChangedAndRemovedOnlyWhenUnusedOrForced() {
        String addin = Fixtures.unique("Stocks");
        Api.Reply created = admin.post("addins", "{\"name\": \"" + addin + "\", \"url\": \"https://intranet.example.com/s\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertProblem(admin.post("addins", "{\"name\": \"" + Fixtures.unique("Bad") + "\", \"url\": \"ftp://x\"}"), 400,
                null, "http or https");
        assertThat(admin.patch("addins/" + segment(addin), "{\"url\": \"https://intranet.example.com/t\"}").object()
                .getString("url")).isEqualTo("https://intranet.example.com/t");
        String room = createRoom("{\"addin\": \"" + addin + "\"}");
        assertThat(admin.get("rooms/" + segment(room)).object().getString("addin")).isEqualTo(addin);

        assertProblem(admin.delete("addins/" + segment(addin)), 409, null, "used by 1 room");
        assertThat(admin.delete("addins/" + segment(addin) + "?force=true").status()).isEqualTo(204);
        assertThat(admin.get("rooms/" + segment(room)).object().containsKey("addin")).isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesTheResources() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:8080/pchat/api/openapi.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"", "\"/v1/rooms/{name}:clear\"", "\"/v1/users:import\"",
                "\"/v1/compliance-configurations/{identity}:run\"", "\"basicAuth\"");
    }

    static final String PASSWORD = "Secret-" + Fixtures.unique("pw");

    private String newUser(String prefix) {
        String user = Fixtures.unique(prefix) + "@example.com";
        Api.Reply created = admin.post("users", "{\"uri\": \"sip:" + user + "\", \"password\": \"" + PASSWORD
                + "\", \"groups\": [\"staff\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return user;
    }

    private String createRoom(String fields) {
        String room = Fixtures.unique("Room");
        String body = fields.replaceFirst("^\\{", "{\"name\": \"" + room + "\", \"category\": \"" + category + "\""
                + (fields.strip().equals("{}") ? "" : ", "));
        Api.Reply created = admin.post("rooms", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return room;
    }

    static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static void assertProblem(Api.Reply reply, int status, String field, String detailContains) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        JsonObject problem = reply.object();
        assertThat(problem.getInt("status")).isEqualTo(status);
        if (field != null) {
            assertThat(problem.getString("field")).isEqualTo(field);
        }
        if (detailContains != null) {
            assertThat(problem.getString("detail")).containsIgnoringCase(detailContains);
        }
    }
}
