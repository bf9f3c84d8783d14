package org.openpchat.it.load;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.api.Api;
import org.openpchat.load.PchatLoad;

/**
 * pchat-load against the real server, provisioned as the README tells an administrator: the
 * tool writes the users' CSV, the administration API imports it and creates a category and Open
 * rooms for the users' group; then the scenarios run with a few users and must account for every
 * post and every session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadToolIT {

    private static final int ROOMS = 2;
    private static final int MEMBERS = 4;
    private static final int USERS = ROOMS * MEMBERS;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @TempDir
    Path dir;

    private final String userPrefix = "load" + UUID.randomUUID().toString().substring(0, 6) + "u";
    private final String roomPrefix = Fixtures.unique("load room") + " ";
    private Path password;

    @Test
    void fanoutDeliversEveryPostToEveryMemberOnceAndSaysSo() throws IOException {
        provision();
        Path results = dir.resolve("fanout.json");
        Map<String, Double> before = metrics();

        int exit = PchatLoad.run("fanout", "--user-prefix", userPrefix, "--password-file", password.toString(),
                "--rooms", String.valueOf(ROOMS), "--members", String.valueOf(MEMBERS), "--room-prefix", roomPrefix,
                "--rates", "4,8", "--duration", "3", "--drain", "15", "--json", results.toString());

        assertThat(exit).isZero();
        JsonObject report = read(results);
        assertThat(report.getJsonObject("setup").getInt("signedIn")).isEqualTo(USERS);
        assertThat(report.getJsonObject("setup").getJsonObject("failures")).isEmpty();
        assertThat(report.getJsonArray("steps")).hasSize(2).allSatisfy(value -> {
            JsonObject step = value.asJsonObject();
            assertThat(step.getInt("posts")).as(step.toString()).isGreaterThan(5);
            assertThat(step.getInt("accepted")).as(step.toString()).isEqualTo(step.getInt("posts"));
            assertThat(step.getInt("delivered")).as(step.toString()).isEqualTo(step.getInt("accepted") * MEMBERS);
            assertThat(step.getInt("lost")).as(step.toString()).isZero();
            assertThat(step.getInt("duplicates")).as(step.toString()).isZero();
            assertThat(step.getJsonNumber("p99Ms").doubleValue()).as(step.toString()).isPositive();
        });
        assertThat(report.getJsonObject("logoutNotOk")).as("every BYE answered 200").isEmpty();

        int posted = report.getJsonArray("steps").stream().mapToInt(s -> s.asJsonObject().getInt("accepted")).sum();
        Api member = Api.as(userPrefix + "1@example.com", Files.readString(password).strip());
        int stored = 0;
        for (int room = 1; room <= ROOMS; room++) {
            Api.Reply history = member.get("rooms/" + Api.segment(roomPrefix + room) + "/messages?limit=100");
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            stored += (int) history.array().stream()
                    .filter(m -> m.asJsonObject().getString("content").startsWith("pchat-load ")).count();
        }
        assertThat(stored).as("every accepted post is in its room's history").isEqualTo(posted);

        Map<String, Double> after = metrics();
        assertThat(after.get("pchat_chat_posts_total") - before.get("pchat_chat_posts_total"))
                .as("posts counted by /api/metrics").isGreaterThanOrEqualTo(posted);
        assertThat(after.get("pchat_chat_deliveries_total") - before.get("pchat_chat_deliveries_total"))
                .as("deliveries counted").isGreaterThanOrEqualTo(posted * MEMBERS);
        assertThat(after.get("pchat_sip_write_seconds_count") - before.get("pchat_sip_write_seconds_count"))
                .as("messages to clients timed").isGreaterThanOrEqualTo(posted * MEMBERS);
        assertThat(after.get("pchat_chat_joins_total") - before.get("pchat_chat_joins_total"))
                .as("joins counted").isGreaterThanOrEqualTo(USERS);
        assertThat(after).containsKeys("pchat_sip_connections", "pchat_chat_sessions",
                "pchat_compliance_outbox_events", "pchat_compliance_lag_seconds", "pchat_sip_delivery_delay_seconds",
                "pchat_chat_post_time_seconds");
    }

    /** GET /api/metrics, public like /api/health: each sample without labels by name. */
    private static Map<String, Double> metrics() {
        Api.Reply reply = Api.anonymous().get("https://localhost:8181/pchat/api/metrics");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        Map<String, Double> samples = new HashMap<>();
        reply.body().lines().filter(line -> !line.startsWith("#") && !line.contains("{") && line.contains(" "))
                .forEach(line -> samples.put(line.substring(0, line.indexOf(' ')),
                        Double.parseDouble(line.substring(line.indexOf(' ') + 1))));
        return samples;
    }

    @Test
    void logonStormSignsEveryoneInHoldsThemAndSignsThemOut() throws IOException {
        provision();
        Path results = dir.resolve("storm.json");

        int exit = PchatLoad.run("logon-storm", "--user-prefix", userPrefix, "--password-file", password.toString(),
                "--users", String.valueOf(USERS), "--rooms", String.valueOf(ROOMS), "--room-prefix", roomPrefix,
                "--hold", "2", "--json", results.toString());

        assertThat(exit).isZero();
        JsonObject report = read(results);
        assertThat(report.getJsonObject("setup").getInt("signedIn")).as(report.toString()).isEqualTo(USERS - 1);
        assertThat(report.getJsonObject("setup").getJsonObject("failures")).isEmpty();
        assertThat(report.getJsonObject("idle").getInt("sessions")).isEqualTo(USERS);
        assertThat(report.getJsonObject("idle").getInt("dropped")).isZero();
        assertThat(report.getJsonObject("logoutNotOk")).as("every BYE answered 200").isEmpty();
    }

    @Test
    void aRoomGetsAHistoryThroughImportAndTheHistoryAndSearchScenariosReadIt() throws IOException {
        provision();
        String room = roomPrefix + 1;
        Path export = dir.resolve("config.zip");
        Api admin = Api.admin();
        Api.Reply started = admin.post("export", "{\"level\": \"configuration\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(admin.awaitJob(started.header("Location"), Duration.ofMinutes(2)).getString("state")).isEqualTo("succeeded");
        assertThat(admin.download(started.header("Location") + "/archive", export)).isEqualTo(200);
        Path archive = dir.resolve("history.zip");

        assertThat(PchatLoad.run("history-archive", "--export", export.toString(), "--room", room, "--messages", "300",
                "--authors", String.valueOf(USERS), "--user-prefix", userPrefix, "--output", archive.toString())).isZero();

        Api.Reply imported = admin.post("import", "application/zip", Files.readAllBytes(archive));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
        JsonObject job = admin.awaitJob(imported.header("Location"), Duration.ofMinutes(2));
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.getJsonObject("result").getInt("messages")).as(job.toString()).isEqualTo(300);

        Path history = dir.resolve("history.json");
        assertThat(PchatLoad.run("history", "--user-prefix", userPrefix, "--password-file", password.toString(),
                "--room", room, "--users", String.valueOf(USERS), "--workers", "2", "--duration", "3",
                "--json", history.toString())).isZero();
        JsonObject read = read(history).getJsonArray("steps").getJsonObject(0);
        assertThat(read.getInt("ok")).as(read.toString()).isPositive().isEqualTo(read.getInt("operations"));
        assertThat(read.getJsonObject("failures")).as(read.toString()).isEmpty();
        assertThat(read.getJsonObject("remarks")).as("every history had 25 messages").isEmpty();

        Path adminPassword = Files.createFile(dir.resolve("admin-password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(adminPassword, Api.DEMO_PASSWORD + "\n");
        Path search = dir.resolve("search.json");
        assertThat(PchatLoad.run("search", "--url", Api.BASE, "--user", "admin@example.com", "--admin-password-file",
                adminPassword.toString(), "--ca-file", Api.domainCertificate().toString(), "--room", room,
                "--texts", "tag7,absentword", "--clients", "1", "--duration", "2", "--json", search.toString())).isZero();
        var steps = read(search).getJsonArray("steps");
        assertThat(steps).hasSize(2).allSatisfy(value -> {
            JsonObject step = value.asJsonObject();
            assertThat(step.getInt("ok")).as(step.toString()).isPositive().isEqualTo(step.getInt("operations"));
            assertThat(step.getJsonObject("failures")).as(step.toString()).isEmpty();
        });
        assertThat(steps.getJsonObject(0).getJsonObject("remarks")).as("tag7 is in posts 7, 10007, ...: found").isEmpty();
        assertThat(steps.getJsonObject(1).getJsonObject("remarks").getInt("nothing found"))
                .isEqualTo(steps.getJsonObject(1).getInt("ok"));
    }

    @Test
    void withoutAPasswordNothingRuns() {
        assertThat(PchatLoad.run("fanout", "--user-prefix", userPrefix, "--rooms", "1", "--members", "1"))
                .as("no --password-file and no PCHAT_LOAD_PASSWORD").isEqualTo(1);
    }

    /** Users from the tool's CSV through the API's import, one category and Open rooms for their group. */
    private void provision() throws IOException {
        password = Files.createFile(dir.resolve("password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(password, "L" + UUID.randomUUID() + "\n");
        String group = Fixtures.unique("pchat-load");
        Path csv = dir.resolve("users.csv");
        assertThat(PchatLoad.run("users-csv", "--users", String.valueOf(USERS), "--user-prefix", userPrefix,
                "--password-file", password.toString(), "--group", group, "--output", csv.toString())).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");

        Api admin = Api.admin();
        Api.Reply accepted = admin.post("users:import", "text/csv", Files.readAllBytes(csv));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonObject job = admin.awaitJob(accepted.header("Location"), Duration.ofMinutes(2));
        assertThat(job.getJsonObject("result").getInt("created")).as(job.toString()).isEqualTo(USERS);
        String category = Fixtures.unique("load");
        Api.Reply created = admin.post("categories", "{\"name\": \"" + category + "\", \"allowedMembers\": [\"group:" + group + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        for (int room = 1; room <= ROOMS; room++) {
            created = admin.post("rooms", "{\"name\": \"" + roomPrefix + room + "\", \"category\": \"" + category
                    + "\", \"privacy\": \"Open\", \"members\": [\"group:" + group + "\"]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
    }

    private static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
