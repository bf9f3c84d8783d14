package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;
import static org.openpchat.cli.testing.FakeApi.Reply.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Request;

class ImportCommandTest extends ApiTest {

    private Path archive() throws IOException {
        Path zip = home.resolve("backup.zip");
        Files.write(zip, ExportCommandTest.ARCHIVE);
        return zip;
    }

    @Test
    void importUploadsTheArchiveAndFollowsTheJob() throws IOException {
        api.on("POST", "/import", empty(202).withHeader("Location", "/pchat/api/v1/jobs/3"));
        api.on("GET", "/jobs/3",
                json(200, "{\"id\":\"3\",\"state\":\"running\",\"phase\":\"rooms\",\"done\":1,\"total\":3}"),
                json(200, "{\"id\":\"3\",\"state\":\"succeeded\",\"errors\":[],\"result\":{\"rooms\":3,\"users\":5}}"));

        Result result = run("import", archive().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request upload = api.requests().get(0);
        assertThat(upload.query()).isEqualTo("replace=false");
        assertThat(upload.header("Content-Type")).isEqualTo("application/zip");
        assertThat(upload.body()).isEqualTo(ExportCommandTest.ARCHIVE);
        assertThat(result.outLines()).containsExactly("import job 3 succeeded", "rooms  3", "users  5");
        assertThat(result.err()).contains("import  [######--------------]  33%  rooms 1/3", "import  succeeded");
    }

    @Test
    void conflictsAreListedOneALine() throws IOException {
        api.on("POST", "/import", problem(409, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"2 items exist already",\
                "conflicts":["room:Lobby","category:General"]}"""));

        Result result = run("import", archive().toString());

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err().lines()).containsExactly(
                "pchat: 409 Conflict: 2 items exist already (2 conflicting: listed below); nothing was imported;"
                        + " add --replace to replace them:",
                "  room:Lobby",
                "  category:General");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void replaceIsAskedForInTheQuery() throws IOException {
        api.on("POST", "/import", empty(202).withHeader("Location", "/pchat/api/v1/jobs/4"));
        api.on("GET", "/jobs/4", json(200, "{\"id\":\"4\",\"state\":\"succeeded\",\"errors\":[]}"));

        Result result = run("import", archive().toString(), "--replace");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.requests().get(0).query()).isEqualTo("replace=true");
    }

    @Test
    void aFailedImportEndsWithTheFailedCode() throws IOException {
        api.on("POST", "/import", empty(202).withHeader("Location", "/pchat/api/v1/jobs/5"));
        api.on("GET", "/jobs/5", json(200, "{\"id\":\"5\",\"state\":\"failed\",\"errors\":[\"rooms.json: bad\"]}"));

        Result result = run("import", archive().toString());

        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(result.err()).contains("pchat: import job 5 failed", "  rooms.json: bad");
    }

    @Test
    void aFileThatIsNotAZipIsNotSent() throws IOException {
        Path text = file("backup.zip", "not a zip", "rw-------");

        Result result = run("import", text.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is not a zip archive");
        assertThat(api.requests()).isEmpty();
    }
}
