package org.openpchat.cli.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.cli.http.Json;

/** A test of commands against a fresh fake API, signed in as admin through the environment. */
public abstract class ApiTest {

    public static final String ADMIN_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("admin@example.com:Passw0rd!".getBytes(StandardCharsets.UTF_8));

    @TempDir
    protected Path home;

    protected FakeApi api;

    @BeforeEach
    void startFakeApi() {
        api = new FakeApi();
    }

    @AfterEach
    void stopFakeApi() {
        api.close();
    }

    protected TestEnvironment environment() {
        return TestEnvironment.signedIn(home, api);
    }

    protected Cli.Result run(String... args) {
        return Cli.run(environment(), args);
    }

    protected static JsonStructure parse(String text) {
        return Json.parse(text);
    }

    protected static JsonObject object(String text) {
        return Json.object(text);
    }

    /** A file with the given text and mode, e.g. "rw-------". */
    protected Path file(String name, String text, String mode) {
        try {
            Path file = home.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
