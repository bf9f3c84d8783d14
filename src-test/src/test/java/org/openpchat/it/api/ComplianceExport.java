package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.openpchat.it.Fixtures;

/**
 * A site compliance configuration of a test: the XML adapter writing into a folder of its own,
 * without purging (other tests' events stay captured), run on demand through the API.
 */
record ComplianceExport(Api admin, String identity, Path output) {

    static ComplianceExport create(Api admin, String prefix) throws IOException {
        Path output = Files.createTempDirectory(Path.of("target"), prefix);
        String identity = "site:" + Fixtures.unique(prefix);
        Api.Reply created = admin.post("compliance-configurations", "{\"identity\": \"" + identity
                + "\", \"adapterType\": \"XmlAdapter\", \"adapterOutputDirectory\": \"" + output.toAbsolutePath()
                + "\", \"purgeAfterProcessing\": false}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new ComplianceExport(admin, identity, output);
    }

    /** Runs the export until the files hold {@code expected} (events reach mgccomp a moment later). */
    String runUntil(String expected) throws IOException {
        String text = "";
        for (int attempt = 0; attempt < 50 && !text.contains(expected); attempt++) {
            Api.Reply run = admin.post("compliance-configurations/" + identity + ":run", "{}");
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            try (Stream<Path> files = Files.list(output)) {
                text = String.join("\n", files.map(ComplianceExport::read).toList());
            }
            Api.pause(Duration.ofMillis(200));
        }
        return text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
