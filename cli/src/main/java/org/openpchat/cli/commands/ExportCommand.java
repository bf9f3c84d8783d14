package org.openpchat.cli.commands;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.jobs.JobWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code Export-CsPersistentChatData}: starts an export job, follows it, downloads the archive. */
@Command(name = "export", description = {"Exports the configuration (and with --level full the messages) into a"
    + " zip archive, showing the job's progress.",
    "Export-CsPersistentChatData; POST /export, GET /jobs/ID, GET /jobs/ID/archive"})
public final class ExportCommand extends ApiCommand {

    enum Level { FULL, CONFIGURATION }

    @Option(names = "--level", paramLabel = "full|configuration", defaultValue = "full",
            description = "full (default): everything and every room's messages; configuration: no messages.")
    Level level;

    @Option(names = "--since", paramLabel = "TIME", description = "With full: only messages posted at or after.")
    Instant since;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip",
            description = "Where the archive goes (mode 0600).")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE.zip if it exists.")
    boolean force;

    @Override
    protected void execute() {
        if (Files.exists(out) && !force) {
            throw new CliException(ExitCodes.LOCAL_ERROR, out + " exists; give another --out or add --force");
        }
        if (since != null && level != Level.FULL) {
            throw usage("--since applies to --level full only");
        }
        Body request = new Body().put("level", level.name().toLowerCase(Locale.ROOT))
                .put("since", since == null ? null : since.toString());
        ApiResponse started = api().post("/export", request.build());
        JobWatcher watcher = new JobWatcher(api(), environment());
        JsonObject job = watcher.await(api().location(started), "export");
        String id = Json.string(job, "id");
        long size = download(api().location(started).toString() + "/archive");
        if (output().json()) {
            output().stream().println(job);
        } else {
            output().stream().println("export job " + id + " succeeded: wrote " + out + " (" + size + " bytes)");
        }
    }

    private long download(String archive) {
        Path directory = out.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, ".pchat-export-", ".part");
            partial.toFile().deleteOnExit(); // also when Ctrl-C ends the download
            restrict(partial);
            try (OutputStream file = Files.newOutputStream(partial)) {
                api().download(URI.create(archive), file);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(out);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, out + " exists", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // nothing left to do: the message above says what failed
                }
            }
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the platform's default ACLs apply
        }
    }
}
