package org.openpchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.problem;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Reply;
import org.openpchat.cli.testing.TestCertificates;

/** Each refusal of the server ends with its exit code and one clear line on stderr. */
class ErrorAnswersTest extends ApiTest {

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({
        "400, 6, Bad Request",
        "401, 3, Unauthorized",
        "403, 3, Forbidden",
        "404, 4, Not Found",
        "405, 6, Method Not Allowed",
        "409, 5, Conflict",
        "412, 5, Precondition Failed",
        "413, 6, Content Too Large",
        "415, 6, Unsupported Media Type",
        "429, 7, Too Many Requests",
        "500, 8, Internal Server Error",
        "503, 8, Service Unavailable"})
    void eachStatusHasItsExitCode(int status, int exitCode, String title) {
        api.on("GET", "/rooms/Lobby", problem(status, "{\"type\":\"about:blank\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"the detail\"}"));

        Result result = run("room", "get", "Lobby");

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("pchat: " + status + " " + title + ": the detail");
    }

    @Test
    void theFieldOfAnInvalidValueIsNamed() {
        api.on("POST", "/rooms", problem(400, """
                {"type":"about:blank","title":"Bad Request","status":400,\
                "detail":"field 'privacy': must be one of Open, Closed, Secret","field":"privacy"}"""));

        Result result = run("room", "new", "--name", "X", "--category", "General");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).isEqualTo("pchat: 400 Bad Request: field 'privacy': must be one of Open, Closed,"
                + " Secret (field: privacy)" + System.lineSeparator());
    }

    @Test
    void aWrongPasswordSaysWhatToCheck() {
        api.on("GET", "/rooms", problem(401, "{\"title\":\"Unauthorized\",\"status\":401}")
                .withHeader("WWW-Authenticate", "Basic realm=\"Persistent Chat\""));

        Result result = run("room", "get");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("pchat: 401 Unauthorized (check the user and password)"
                + System.lineSeparator());
    }

    @Test
    void throttlingSaysWhenToRetry() {
        api.on("GET", "/rooms", problem(429, "{\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"too many wrong passwords\"}").withHeader("Retry-After", "30"));

        Result result = run("room", "get");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.err()).isEqualTo("pchat: 429 Too Many Requests: too many wrong passwords (retry after 30 s)"
                + System.lineSeparator());
    }

    @Test
    void anErrorPageThatIsNotJsonShowsItsFirstLine() {
        api.on("GET", "/rooms", new Reply(502, Map.of("Content-Type", "text/html"),
                "<html>proxy error\nmore</html>".getBytes(StandardCharsets.UTF_8)));

        Result result = run("room", "get");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).isEqualTo("pchat: 502 Bad Gateway: <html>proxy error" + System.lineSeparator());
    }

    @Test
    void aRedirectIsNotFollowed() {
        api.on("GET", "/rooms", Reply.empty(302).withHeader("Location", "https://elsewhere.example.com/"));

        Result result = run("room", "get");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("a redirect to https://elsewhere.example.com/");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotJsonIsALocalError() {
        api.on("GET", "/rooms/Lobby", new Reply(200, Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8)));

        Result result = run("room", "get", "Lobby");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("pchat: the server's answer is not JSON");
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Result result = Cli.run(environment().set("PCHAT_URL", "https://localhost:" + port), "room", "get");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).isEqualTo("pchat: cannot reach https://localhost:" + port + ": connection refused"
                + System.lineSeparator());
    }

    @Test
    void anUntrustedCertificateIsRefusedWithAHint() {
        Result result = Cli.run(environment().set("PCHAT_CA_FILE", null), "room", "get");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).contains("TLS: the certificate of " + api.url() + " is not trusted; give the server's"
                + " certificate with --ca-file FILE or PCHAT_CA_FILE");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aCaFileOfAnotherServerDoesNotMakeItTrusted() {
        Result result = Cli.run(environment().set("PCHAT_CA_FILE", TestCertificates.get().otherPem().toString()),
                "room", "get");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).contains("is not trusted by " + TestCertificates.get().otherPem());
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aCaFileThatIsNotPemIsALocalError() {
        Result result = Cli.run(environment().set("PCHAT_CA_FILE", file("ca.pem", "junk", "rw-r--r--").toString()),
                "room", "get");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("holds no PEM certificate");
    }
}
