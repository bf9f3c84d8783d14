package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Reply;
import org.openpchat.cli.testing.FakeApi.Request;

class ExportCommandTest extends ApiTest {

    static final byte[] ARCHIVE = {'P', 'K', 3, 4, 20, 0, 0, 0, 'x', 'y', 'z'};

    private void scriptAnExport(String location) {
        api.on("POST", "/export", empty(202).withHeader("Location", location));
        api.on("GET", "/jobs/7",
                job("queued", null, 0, 0),
                job("running", "configuration", 0, 4),
                job("running", "messages", 2, 4),
                job("running", "messages", 4, 4),
                json(200, "{\"id\":\"7\",\"kind\":\"export\",\"state\":\"succeeded\",\"errors\":[],\"result\":{}}"));
        api.on("GET", "/jobs/7/archive", new Reply(200, Map.of("Content-Type", "application/zip"), ARCHIVE));
    }

    private static Reply job(String state, String phase, int done, int total) {
        return json(200, "{\"id\":\"7\",\"kind\":\"export\",\"state\":\"" + state + "\",\"phase\":"
                + (phase == null ? "null" : "\"" + phase + "\"") + ",\"done\":" + done + ",\"total\":" + total + "}");
    }

    @Test
    void exportStartsTheJobShowsProgressAndDownloadsTheArchive() throws IOException {
        scriptAnExport(api.url() + "/pchat/api/v1/jobs/7");
        Path out = home.resolve("backup.zip");

        Result result = Cli.run(environment().terminal(), "export", "--level", "full", "--since", "2026-01-01",
                "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request start = api.requests().get(0);
        assertThat(start.method()).isEqualTo("POST");
        assertThat(object(start.bodyText())).isEqualTo(object("{\"level\":\"full\",\"since\":\"2026-01-01T00:00:00Z\"}"));
        Request download = api.requests().get(api.requests().size() - 1);
        assertThat(download.path()).isEqualTo("/pchat/api/v1/jobs/7/archive");
        assertThat(download.header("Authorization")).isEqualTo(ADMIN_AUTHORIZATION);
        assertThat(Files.readAllBytes(out)).isEqualTo(ARCHIVE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(result.err()).contains(
                "\rexport  queued",
                "\rexport  [--------------------]   0%  configuration 0/4",
                "\rexport  [##########----------]  50%  messages 2/4",
                "\rexport  [####################] 100%  messages 4/4",
                "\rexport  succeeded");
        assertThat(result.err()).endsWith(System.lineSeparator());
        assertThat(result.out()).isEqualTo("export job 7 succeeded: wrote " + out + " (11 bytes)" + System.lineSeparator());
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void withoutATerminalEachPhaseIsOneLine() {
        scriptAnExport("/pchat/api/v1/jobs/7");

        Result result = run("export", "--level", "configuration", "--out", home.resolve("c.zip").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.requests().get(0).bodyText())).isEqualTo(object("{\"level\":\"configuration\"}"));
        assertThat(result.err().lines()).containsExactly(
                "export  queued",
                "export  [--------------------]   0%  configuration 0/4",
                "export  [##########----------]  50%  messages 2/4",
                "export  succeeded");
    }

    @Test
    void aLocationOutsideTheApiPathIsTakenRelativeToTheApi() {
        scriptAnExport("/jobs/7");

        Result result = run("export", "--out", home.resolve("b.zip").toString());

        assertThat(result.exitCode()).as(result.toString() + api.describe()).isZero();
        assertThat(object(api.requests().get(0).bodyText())).isEqualTo(object("{\"level\":\"full\"}"));
    }

    @Test
    void aFailedJobEndsWithTheFailedCodeAndLeavesNoFile() throws IOException {
        api.on("POST", "/export", empty(202).withHeader("Location", "/pchat/api/v1/jobs/8"));
        api.on("GET", "/jobs/8", json(200, "{\"id\":\"8\",\"state\":\"failed\",\"errors\":[\"disk full\"]}"));
        Path out = home.resolve("backup.zip");

        Result result = run("export", "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(result.err()).contains("pchat: export job 8 failed", "  disk full");
        assertThat(out).doesNotExist();
        try (var files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws IOException {
        Path out = file("backup.zip", "old", "rw-------");

        Result result = run("export", "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(out + " exists; give another --out or add --force");
        assertThat(api.requests()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("old");

        scriptAnExport("/pchat/api/v1/jobs/7");
        assertThat(run("export", "--out", out.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(ARCHIVE);
    }

    @Test
    void sinceNeedsTheFullLevel() {
        Result result = run("export", "--level", "configuration", "--since", "2026-01-01", "--out", "x.zip");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void anUnknownLevelIsAUsageError() {
        assertThat(run("export", "--level", "everything", "--out", "x.zip").exitCode()).isEqualTo(2);
    }
}
