package org.openpchat.cli.commands;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiException;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.http.UriPaths.Query;
import org.openpchat.cli.jobs.JobWatcher;
import org.openpchat.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code Import-CsPersistentChatData}: uploads an export archive and follows the import job. */
@Command(name = "import", description = {"Imports an export archive, showing the job's progress. Names that"
    + " exist already are refused (exit 5, each listed) unless --replace.",
    "Import-CsPersistentChatData; POST /import, GET /jobs/ID"})
public final class ImportCommand extends ApiCommand {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    @Parameters(paramLabel = "FILE.zip")
    Path file;

    @Option(names = "--replace", description = "Replace the items that exist already (a replaced room loses"
            + " its history for the archive's).")
    boolean replace;

    @Override
    protected void execute() {
        requireZip(file);
        ApiResponse started;
        try {
            started = api().upload("/import", Query.of().add("replace", replace), file, "application/zip");
        } catch (ApiException e) {
            if (e.status() == 409 && !e.problem().conflicts().isEmpty()) {
                throw new CliException(e.exitCode(), e.getMessage() + "; nothing was imported; add --replace to"
                        + " replace them:", e.details(), e);
            }
            throw e;
        }
        JsonObject job = new JobWatcher(api(), environment()).await(api().location(started), "import");
        if (output().json()) {
            output().stream().println(job);
        } else {
            output().stream().println("import job " + Json.string(job, "id") + " succeeded");
            JsonObject result = job.getJsonObject("result");
            if (result != null) {
                Table.printItem(output().stream(), result);
            }
        }
        if (!JobWatcher.errors(job).isEmpty()) {
            throw new CliException(ExitCodes.FAILED, "import job " + Json.string(job, "id") + " finished with errors",
                    JobWatcher.errors(job), null);
        }
    }

    private static void requireZip(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(start, ZIP_MAGIC)) {
            throw new CliException(ExitCodes.LOCAL_ERROR, file + " is not a zip archive (an export of 'pchat export')");
        }
    }
}
