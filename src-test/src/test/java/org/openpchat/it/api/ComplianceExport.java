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
 * without purging (other tests' events stay captured), run on demand through the API. The demo
 * configuration of the test server exports every minute too, into the domain's compliance folder:
 * an event is in one of the two, whichever export took it first.
 */
record ComplianceExport(Api admin, String identity, Path output) {

    static ComplianceExport create(Api admin, String prefix) throws IOException {
        return create(admin, prefix, "");
    }

    /** {@code moreSettings}: further fields of the configuration, e.g. {@code , "runInterval": "PT30M"}. */
    static ComplianceExport create(Api admin, String prefix, String moreSettings) throws IOException {
        Path output = Files.createTempDirectory(Path.of("target"), prefix);
        String identity = "site:" + Fixtures.unique(prefix);
        Api.Reply created = admin.post("compliance-configurations", "{\"identity\": \"" + identity
                + "\", \"adapterType\": \"XmlAdapter\", \"adapterOutputDirectory\": \"" + output.toAbsolutePath()
                + "\", \"purgeAfterProcessing\": false" + moreSettings + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new ComplianceExport(admin, identity, output);
    }

    /**
     * Runs the export until the exported files (this one's and the demo export's) hold every one of
     * {@code expected} (events reach mgccomp a moment after the change); returns what they hold.
     */
    String runUntil(String... expected) throws IOException {
        String text = "";
        for (int attempt = 0; attempt < 50 && !containsAll(text, expected); attempt++) {
            Api.Reply run = admin.post("compliance-configurations/" + identity + ":run", "{}");
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            text = readAll(output) + "\n" + readAll(demoOutput());
            Api.pause(Duration.ofMillis(200));
        }
        assertThat(text).contains(expected);
        return text;
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** Where the demo data's global configuration exports (configure-domain.sh --demo). */
    private static Path demoOutput() {
        return Path.of(System.getProperty("glassfish.home", "target/gf-h2/glassfish7"), "glassfish", "domains",
                "domain1", "compliance");
    }

    private static String readAll(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return "";
        }
        try (Stream<Path> files = Files.list(directory)) {
            return String.join("\n", files.filter(Files::isRegularFile).map(ComplianceExport::read).toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
