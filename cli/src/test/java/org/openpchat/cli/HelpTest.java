package org.openpchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.TestEnvironment;

class HelpTest {

    @TempDir
    Path home;

    private Result run(String... args) {
        return Cli.run(new TestEnvironment(home), args);
    }

    @Test
    void helpListsEveryNounAndTheExitCodes() {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("room", "message", "category", "addin", "policy", "config",
                "compliance-config", "endpoint", "user", "group", "pool", "audit", "export", "import", "job", "test",
                "health");
        assertThat(result.out()).contains("Exit codes:", "0   success", "2   usage error",
                "3   not signed in or not allowed (HTTP 401, 403)", "4   not found (HTTP 404)",
                "5   conflict or stale (HTTP 409, 412)", "6   invalid input (HTTP 400, 413, 415",
                "7   throttled (HTTP 429)", "8   server error or unreachable", "9   a job failed");
        assertThat(result.out()).contains("PCHAT_URL", "~/.config/pchat/config", "0600");
    }

    @Test
    void aVerbsHelpNamesTheCmdletAndTheCall() {
        Result result = run("room", "set", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Set-CsPersistentChatRoom; PATCH /rooms/NAME", "--add-member",
                "--replace-presenters", "--if-match", "--url", "--ca-file", "--output");
    }

    @Test
    void noCommandOrNoVerbIsAUsageError() {
        assertThat(run().exitCode()).isEqualTo(2);
        Result result = run("room");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required subcommand", "get", "new", "set", "remove", "clear");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result result = run("room", "get", "--colour", "red");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--colour'");
    }

    @Test
    void thereIsNoPasswordOption() {
        Result result = run("room", "get", "--password", "secret");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--password'");
    }

    @Test
    void versionIsPrinted() {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("pchat ");
    }
}
