package org.openpchat.cli.commands;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.UriPaths;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Get-CsPersistentChatEligiblePrincipal. */
@Command(name = "eligible", description = {"The users who may be members or managers of a category's rooms or"
    + " of a room, or presenters of an auditorium (--presenters).",
    "GET /categories/{name}/eligible-principals, GET /rooms/{name}/eligible-principals"})
public final class EligibleCommand extends ApiCommand {

    static final class Target {
        @Option(names = "--category", paramLabel = "NAME", required = true)
        String category;

        @Option(names = "--room", paramLabel = "NAME", required = true)
        String room;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--presenters", description = "With --room: who may present in the auditorium.")
    boolean presenters;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Part of the SIP address or display name.")
    String filter;

    @Option(names = "--limit", paramLabel = "N", description = "At most N users (default 100, at most 1000).")
    Integer limit;

    @Override
    protected void execute() {
        String path = target.category != null
                ? "/categories/" + UriPaths.segment(target.category) + "/eligible-principals"
                : "/rooms/" + UriPaths.segment(target.room) + "/eligible-principals";
        ApiResponse response = api().get(path, Query.of().add("filter", filter).add("limit", limit)
                .add("presenters", target.room != null && presenters ? "true" : null));
        if (output().json()) {
            output().raw(response);
            return;
        }
        JsonArray users = (JsonArray) response.json();
        users.getValuesAs(JsonString.class).forEach(user -> output().stream().println(user.getString()));
    }
}
