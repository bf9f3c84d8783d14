package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.it.api.AdministrationApiIT.assertProblem;
import static org.openpchat.it.api.Api.segment;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
 * Export-/Import-CsPersistentChatData through the API: jobs with progress, the archive's entries,
 * and a round trip that brings back what was deleted: category, room with its lists and id,
 * add-in, policy and every message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferApiIT {

    private static final Duration JOB_LIMIT = Duration.ofMinutes(2);
    private final Api admin = Api.admin();
    private String category;
    private String room;
    private String addin;
    private String policy;
    private JsonObject roomBefore;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @BeforeEach
    void itemsWithHistory() {
        category = Fixtures.unique("Exported");
        room = Fixtures.unique("Exported room");
        addin = Fixtures.unique("Exported add-in");
        policy = Fixtures.unique("Exported");
        created(admin.post("addins", "{\"name\": \"" + addin + "\", \"url\": \"https://intranet.example.com/x\"}"));
        created(admin.post("categories", "{\"name\": \"" + category + "\", \"allowedMembers\": [\"group:staff\"],"
                + " \"deniedMembers\": [\"group:analysts\"], \"creators\": [\"sip:erin@example.com\"],"
                + " \"chatHistory\": true}"));
        roomBefore = created(admin.post("rooms", "{\"name\": \"" + room + "\", \"category\": \"" + category + "\","
                + " \"privacy\": \"Secret\", \"type\": \"Auditorium\", \"addin\": \"" + addin + "\","
                + " \"members\": [\"group:staff\"], \"managers\": [\"sip:bob@example.com\"],"
                + " \"presenters\": [\"sip:alice@example.com\", \"sip:bob@example.com\"]}"));
        created(admin.post("policies", "{\"identity\": \"tag:" + policy + "\", \"enablePersistentChat\": true,"
                + " \"description\": \"exported\"}"));
        for (int i = 1; i <= 3; i++) {
            created(Api.demoUser("alice").post("rooms/" + segment(room) + "/messages",
                    "{\"content\": \"announcement " + i + "\"}"));
        }
    }

    @Test
    void aFullExportIsADocumentedArchiveAndBringsBackWhatWasDeleted() throws Exception {
        Path archive = export("full");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<String> entries = new ArrayList<>();
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
            assertThat(entries).contains("manifest.json", "users.json", "groups.json", "addins.json",
                    "categories.json", "rooms.json", "policies.json", "configurations.json",
                    "compliance-configurations.json", "endpoints.json");
            String uid = roomBefore.getString("uri").substring(roomBefore.getString("uri").lastIndexOf('/') + 1);
            assertThat(entries).contains("messages/" + uid + ".jsonl");
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes());
            assertThat(manifest).contains("\"format\":\"openpchat-export\"", "\"level\":\"full\"", "\"version\":1");
            assertThat(new String(zip.getInputStream(zip.getEntry("users.json")).readAllBytes()))
                    .contains("sip:alice@example.com").doesNotContain("Passw0rd");
        }

        assertThat(admin.delete("rooms/" + segment(room)).status()).isEqualTo(204);
        assertThat(admin.delete("categories/" + segment(category)).status()).isEqualTo(204);
        assertThat(admin.delete("addins/" + segment(addin)).status()).isEqualTo(204);
        assertThat(admin.delete("policies/tag:" + policy).status()).isEqualTo(204);
        assertThat(admin.get("rooms/" + segment(room)).status()).isEqualTo(404);

        JsonObject imported = importArchive(archive, false);
        assertThat(imported.getString("state")).as(imported.toString()).isEqualTo("succeeded");
        assertThat(imported.getJsonArray("errors")).as(imported.toString()).isEmpty();

        assertThat(admin.get("rooms/" + segment(room)).object()).as("room with its lists and its URI")
                .isEqualTo(roomBefore);
        JsonObject categoryAfter = admin.get("categories/" + segment(category)).object();
        assertThat(AdministrationApiIT.strings(categoryAfter, "deniedMembers")).containsExactly("group:analysts");
        assertThat(AdministrationApiIT.strings(categoryAfter, "creators")).containsExactly("sip:erin@example.com");
        assertThat(admin.get("addins/" + segment(addin)).status()).isEqualTo(200);
        assertThat(admin.get("policies/tag:" + policy).object().getString("description")).isEqualTo("exported");
        JsonArray history = Api.demoUser("alice").get("rooms/" + segment(room) + "/messages").array();
        assertThat(history.getValuesAs(JsonObject.class)).extracting(m -> m.getInt("id") + " " + m.getString("content")
                + " " + m.getString("author")).containsExactly("1 announcement 1 sip:alice@example.com",
                        "2 announcement 2 sip:alice@example.com", "3 announcement 3 sip:alice@example.com");
        JsonObject next = Api.demoUser("alice").post("rooms/" + segment(room) + "/messages",
                "{\"content\": \"after the import\"}").object();
        assertThat(next.getInt("id")).as("ids go on after the imported ones").isEqualTo(4);
    }

    @Test
    void importRefusesItemsThatDifferUnlessToldToReplaceThem() throws Exception {
        Path archive = export("configuration");
        JsonObject same = importArchive(archive, false);
        assertThat(same.getString("state")).as("equal items are left alone").isEqualTo("succeeded");

        assertThat(admin.patch("rooms/" + segment(room), "{\"description\": \"changed later\"}").status())
                .isEqualTo(200);
        Api.Reply refused = admin.post("import", "application/zip", Files.readAllBytes(archive));
        assertProblem(refused, 409, null, "import with replace");
        assertThat(refused.object().getJsonArray("conflicts").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("room:" + room);
        assertThat(admin.get("rooms/" + segment(room)).object().getString("description")).isEqualTo("changed later");

        JsonObject replaced = importArchive(archive, true);
        assertThat(replaced.getString("state")).as(replaced.toString()).isEqualTo("succeeded");
        assertThat(admin.get("rooms/" + segment(room)).object()).isEqualTo(roomBefore);
    }

    @Test
    void exportProgressIsAJobAndBadRequestsAreRefused() throws Exception {
        Api.Reply started = admin.post("export", "{\"level\": \"full\", \"since\": \"2020-01-01T00:00:00Z\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.object().getString("kind")).isEqualTo("export");
        JsonObject job = admin.awaitJob(started.header("Location"), JOB_LIMIT);
        assertThat(job.getString("state")).isEqualTo("succeeded");
        assertThat(job.getString("phase")).isEqualTo("messages");
        assertThat(job.getJsonNumber("done").longValue()).isEqualTo(job.getJsonNumber("total").longValue())
                .isPositive();
        assertThat(job.getJsonObject("result").getInt("messages")).isGreaterThanOrEqualTo(3);

        assertProblem(admin.post("export", "{\"level\": \"everything\"}"), 400, "level", "Configuration, Full");
        assertProblem(admin.post("import", "application/zip", "not a zip".getBytes()), 400, null, "archive");
        assertProblem(Api.demoUser("alice").post("export", "{}"), 403, null, "administrators");
        assertProblem(admin.get("jobs/" + java.util.UUID.randomUUID()), 404, null, "no such job");
        assertProblem(Api.demoUser("alice").get(started.header("Location")), 404, null, "no such job");
    }

    private Path export(String level) throws IOException {
        Api.Reply started = admin.post("export", "{\"level\": \"" + level + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonObject job = admin.awaitJob(started.header("Location"), JOB_LIMIT);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("succeeded");
        Path archive = Files.createTempFile(Path.of("target"), "export", ".zip");
        assertThat(admin.download(started.header("Location") + "/archive", archive)).isEqualTo(200);
        return archive;
    }

    private JsonObject importArchive(Path archive, boolean replace) throws IOException {
        Api.Reply started = admin.post("import" + (replace ? "?replace=true" : ""), "application/zip",
                Files.readAllBytes(archive));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return admin.awaitJob(started.header("Location"), JOB_LIMIT);
    }

    private static JsonObject created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.object();
    }
}
