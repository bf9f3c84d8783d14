package org.openpchat.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.cli.InProcessCli.Result;

/**
 * {@code pchat} against the shipped EAR with the demo data, over HTTPS with the domain's certificate:
 * the administrator's round trip, the exit codes of refusals, a plain user refused, an export with
 * its progress, and the launcher script on the built jar.
 */
@ExtendWith(ArquillianExtension.class)
class CliIT {

    private static final String URL = "https://localhost:8181";
    private static final String ADMIN = "sip:admin@example.com";
    private static final String PASSWORD = "Passw0rd!";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    private Path home;

    @BeforeEach
    void emptyHome() throws IOException {
        Files.createDirectories(Path.of("target"));
        home = Files.createTempDirectory(Path.of("target"), "cli-it-home");
    }

    /** The HTTPS certificate the domain setup writes for clients. */
    private static Path certificate() {
        String glassfish = System.getProperty("glassfish.home");
        assertThat(glassfish).as("system property glassfish.home (set by failsafe)").isNotBlank();
        Path pem = Path.of(glassfish, "glassfish", "domains", "domain1", "config", "pchat-https.pem");
        assertThat(pem).as("the domain's HTTPS certificate for clients").isRegularFile();
        return pem;
    }

    private static Map<String, String> variables(String user) {
        Map<String, String> variables = new HashMap<>();
        variables.put("PCHAT_URL", URL);
        variables.put("PCHAT_USER", user);
        variables.put("PCHAT_PASSWORD", PASSWORD);
        variables.put("PCHAT_CA_FILE", certificate().toString());
        return variables;
    }

    private Result admin(String... args) {
        return new InProcessCli(variables(ADMIN), home).run(args);
    }

    private Result alice(String... args) {
        return new InProcessCli(variables("sip:alice@example.com"), home).run(args);
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    @RunAsClient
    void anAdministratorCreatesACategoryAndARoomAddsAMemberAndReadsTheRoom() {
        String category = Fixtures.unique("cli-category");
        String room = Fixtures.unique("cli room");

        Result newCategory = admin("category", "new", "--name", category, "--allowed-member", "group:staff",
                "--creator", ADMIN);
        assertThat(newCategory.exitCode()).as(newCategory.toString()).isZero();
        Result newRoom = admin("room", "new", "--name", room, "--category", category, "--privacy", "Closed",
                "--description", "made by CliIT");
        assertThat(newRoom.exitCode()).as(newRoom.toString()).isZero();
        Result addMember = admin("room", "set", room, "--add-member", "sip:bob@example.com");
        assertThat(addMember.exitCode()).as(addMember.toString()).isZero();

        Result read = admin("room", "get", room, "-o", "json");

        assertThat(read.exitCode()).as(read.toString()).isZero();
        JsonObject json = object(read.out());
        assertThat(json.getString("name")).isEqualTo(room);
        assertThat(json.getString("category")).isEqualTo(category);
        assertThat(json.getString("privacy")).isEqualTo("Closed");
        assertThat(json.getString("uri")).startsWith("ma-chan://");
        assertThat(json.getJsonArray("members").getValuesAs(jakarta.json.JsonString::getString))
                .contains("sip:bob@example.com");

        Result table = admin("room", "get", "--category", category);
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines()).hasSize(2);
        assertThat(table.out().lines().skip(1).findFirst().orElseThrow()).startsWith(room + "  " + category + "  Closed");

        Result removeRoom = admin("room", "remove", room);
        assertThat(removeRoom.exitCode()).as(removeRoom.toString()).isZero();
        Result removeCategory = admin("category", "remove", category);
        assertThat(removeCategory.exitCode()).as(removeCategory.toString()).isZero();
    }

    @Test
    @RunAsClient
    void aMissingRoomIsExit4AndATakenNameOrACategoryInUseIsExit5() {
        Result missing = admin("room", "get", Fixtures.unique("no such room"));

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(4);
        assertThat(missing.err()).startsWith("pchat: 404 ");
        assertThat(missing.err().lines()).hasSize(1);
        assertThat(missing.out()).isEmpty();

        String category = Fixtures.unique("cli-category");
        String room = Fixtures.unique("cli-room");
        assertThat(admin("category", "new", "--name", category, "--allowed-member", "group:staff").exitCode()).isZero();
        assertThat(admin("room", "new", "--name", room, "--category", category).exitCode()).isZero();

        Result taken = admin("room", "new", "--name", room, "--category", category);
        assertThat(taken.exitCode()).as(taken.toString()).isEqualTo(5);
        assertThat(taken.err()).startsWith("pchat: 409 ");

        Result inUse = admin("category", "remove", category);
        assertThat(inUse.exitCode()).as(inUse.toString()).isEqualTo(5);
        assertThat(inUse.err()).startsWith("pchat: 409 ");

        Result invalid = admin("room", "set", room, "--add-member", "not a principal");
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(6);
        assertThat(invalid.err()).startsWith("pchat: 400 ");

        assertThat(admin("room", "remove", room).exitCode()).isZero();
        assertThat(admin("category", "remove", category).exitCode()).isZero();
    }

    @Test
    @RunAsClient
    void aPlainUserIsRefusedWithExit3AndAWrongPasswordToo() {
        Result create = alice("category", "new", "--name", Fixtures.unique("cli-category"));
        assertThat(create.exitCode()).as(create.toString()).isEqualTo(3);
        assertThat(create.err()).startsWith("pchat: 403 ");

        Result audit = alice("audit");
        assertThat(audit.exitCode()).as(audit.toString()).isEqualTo(3);

        Map<String, String> wrong = variables(ADMIN);
        wrong.put("PCHAT_PASSWORD", "not-the-password");
        Result unauthorized = new InProcessCli(wrong, home).run("room", "get", "Lobby");
        assertThat(unauthorized.exitCode()).as(unauthorized.toString()).isEqualTo(3);
        assertThat(unauthorized.err()).startsWith("pchat: 401 ").contains("check the user and password");
    }

    @Test
    @RunAsClient
    void anyUserPostsAndReadsTheHistory() {
        String text = "posted by CliIT " + Fixtures.unique("m");

        Result post = alice("message", "post", "Lobby", text);
        assertThat(post.exitCode()).as(post.toString()).isZero();

        Result history = alice("message", "history", "Lobby", "--limit", "5");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(history.out()).contains("sip:alice@example.com", text);
    }

    @Test
    @RunAsClient
    void exportShowsProgressAndWritesAZip() throws IOException {
        Path out = home.resolve("backup.zip");

        Result export = admin("export", "--level", "configuration", "--out", out.toString());

        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.err()).contains("export  succeeded");
        assertThat(export.out()).startsWith("export job ").contains("succeeded: wrote " + out);
        try (InputStream in = Files.newInputStream(out); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first).as("an entry of the export archive").isNotNull();
        }
    }

    @Test
    @RunAsClient
    void theLauncherRunsTheBuiltJar() throws IOException, InterruptedException {
        String launcher = System.getProperty("pchat.cli.launcher");
        assertThat(launcher).as("system property pchat.cli.launcher (set by failsafe)").isNotBlank();
        ProcessBuilder command = new ProcessBuilder(launcher, "room", "get", "Lobby", "--output", "json");
        command.environment().putAll(variables(ADMIN));
        command.environment().put("XDG_CONFIG_HOME", home.toString()); // no config file of the machine's user
        File stderr = home.resolve("launcher.err").toFile();
        Process process = command.redirectError(stderr).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as("%s%n%s", stdout, Files.readString(stderr.toPath())).isZero();
        assertThat(object(stdout).getString("name")).isEqualTo("Lobby");
    }
}
