package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.time.Instant;
import java.util.List;
import org.openpchat.cli.http.UriPaths.Query;
import org.openpchat.cli.output.Table.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The changes made through the API. */
@Command(name = "audit", description = {"Every change made through the API, oldest first (with -o json: the"
    + " items before and after).", "GET /audit"})
public final class AuditCommand extends ApiCommand {

    static final List<Column> COLUMNS = List.of(column("ID", "id"), column("AT", "at"), column("ACTOR", "actor"),
            column("ACTION", "action"), column("TARGET", "target"));

    @Option(names = "--since", paramLabel = "TIME", description = "Changes at or after this time.")
    Instant since;

    @Option(names = "--limit", paramLabel = "N")
    Integer limit;

    @Override
    protected void execute() {
        output().list(api().get("/audit", Query.of().add("since", since).add("limit", limit)), COLUMNS);
    }
}
