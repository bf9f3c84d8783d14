package org.openpchat.cli.commands;

import org.openpchat.cli.http.UriPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The server's background jobs (export, import, user import). */
@Command(name = "job", description = "Background jobs: export, import, user import.",
        subcommands = {JobCommands.Get.class})
public final class JobCommands {

    private JobCommands() {
    }

    @Command(name = "get", description = {"A job's state, progress, errors and result.", "GET /jobs/ID"})
    static final class Get extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        protected void execute() {
            output().item(api().get("/jobs/" + UriPaths.segment(id)));
        }
    }
}
