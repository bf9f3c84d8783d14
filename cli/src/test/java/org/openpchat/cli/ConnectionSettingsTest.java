package org.openpchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.TestCertificates;
import org.openpchat.cli.testing.TestEnvironment;

/** The connection settings as the server sees them: the URL called and the credentials sent. */
class ConnectionSettingsTest extends ApiTest {

    @BeforeEach
    void answerRooms() {
        api.on("GET", "/rooms", json(200, "[]"));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void optionsOverrideTheEnvironment() {
        Path password = file("pw", "fl@g-pässword\n", "rw-------");

        Result result = run("room", "get", "--user", "sip:carol@example.com", "--password-file", password.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().header("Authorization")).isEqualTo(basic("carol@example.com:fl@g-pässword"));
    }

    @Test
    void optionsBeforeTheNounWorkToo() {
        Result result = Cli.run(environment().set("PCHAT_URL", "https://localhost:1"), "--url", api.url(), "-o",
                "json", "room", "get");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().strip()).isEqualTo("[]");
    }

    @Test
    void theConfigFileAloneIsEnough() {
        file(".config/pchat/config", "url = " + api.url() + "\nuser = sip:bob@example.com\npassword = b0b\nca-file = "
                + TestCertificates.get().serverPem() + "\n", "rw-------");

        Result result = Cli.run(new TestEnvironment(home), "room", "get");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().header("Authorization")).isEqualTo(basic("bob@example.com:b0b"));
    }

    @Test
    void aConfigFileWithAReadablePasswordStopsTheCommand() {
        Path config = file(".config/pchat/config", "url = " + api.url() + "\npassword = b0b\n", "rw-r--r--");

        Result result = run("room", "get");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pchat: refusing " + config + ": it holds a password and other users may"
                + " read it (mode 0644); make it private with: chmod 600 " + config + System.lineSeparator());
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void thePasswordCanComeFromStandardInput() {
        Result result = Cli.run(environment().set("PCHAT_PASSWORD", null).stdin("piped\n"), "room", "get",
                "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().header("Authorization")).isEqualTo(basic("admin@example.com:piped"));
    }

    @Test
    void withoutAPasswordTheTerminalIsAsked() {
        TestEnvironment environment = environment().set("PCHAT_PASSWORD", null).terminal("typed");

        Result result = Cli.run(environment, "room", "get");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(environment.prompts()).containsExactly("Password for sip:admin@example.com: ");
        assertThat(api.single().header("Authorization")).isEqualTo(basic("admin@example.com:typed"));
    }

    @Test
    void withoutAPasswordOrTerminalNothingIsSent() {
        Result result = Cli.run(environment().set("PCHAT_PASSWORD", null), "room", "get");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("pchat: no password and no terminal to ask for it");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void anHttpUrlIsRefusedBeforeAnythingIsSent() {
        Result result = run("room", "get", "--url", "http://localhost:8080");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the URL must be https://host[:port]");
    }
}
