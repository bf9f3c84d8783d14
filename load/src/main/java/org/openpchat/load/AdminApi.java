package org.openpchat.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.openpchat.client.sip.SipClientSettings;
import picocli.CommandLine.Option;

/**
 * The administration API of the server under test, as the CLI reaches it: the same environment
 * variables ({@code PCHAT_URL}, {@code PCHAT_USER}, {@code PCHAT_PASSWORD}, {@code PCHAT_CA_FILE})
 * unless the options say otherwise. The server's certificate is trusted from the CA file only.
 */
public final class AdminApi {

    @Option(names = "--url", paramLabel = "URL", description = "The API's base (default: PCHAT_URL, else https://localhost:8181/pchat/api/v1).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "An administrator (default: PCHAT_USER).")
    String user;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "The administrator's password (first line). Default: PCHAT_PASSWORD.")
    Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM certificate(s) to trust for HTTPS (default: PCHAT_CA_FILE).")
    Path caFile;

    URI base() {
        String value = url != null ? url : System.getenv().getOrDefault("PCHAT_URL", "https://localhost:8181/pchat/api/v1");
        return URI.create(value.endsWith("/") ? value : value + "/");
    }

    /** {@code Basic} credentials of the administrator. */
    String authorization() {
        String name = user != null ? user : System.getenv("PCHAT_USER");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("no administrator: --user or PCHAT_USER");
        }
        String password;
        try {
            password = passwordFile != null
                    ? Files.readAllLines(passwordFile).stream().findFirst().orElse("")
                    : System.getenv("PCHAT_PASSWORD");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no administrator password: --admin-password-file or PCHAT_PASSWORD");
        }
        String basicName = name.startsWith("sip:") ? name.substring(4) : name;
        return "Basic " + Base64.getEncoder().encodeToString((basicName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpClient client() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        Path ca = caFile != null ? caFile : pathOrNull(System.getenv("PCHAT_CA_FILE"));
        if (ca != null) {
            builder.sslContext(SipClientSettings.trusting(ca));
        }
        return builder.build();
    }

    private static Path pathOrNull(String value) {
        return value == null || value.isEmpty() ? null : Path.of(value);
    }
}
