package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.http.UriPaths.Query;
import org.openpchat.cli.jobs.JobWatcher;
import org.openpchat.cli.output.Texts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The server's users (the directory Lync took from Active Directory). */
@Command(name = "user", description = "Users: who signs in over SIP and to the API.",
        subcommands = {UserCommands.Get.class, UserCommands.New.class, UserCommands.Set.class,
            UserCommands.Remove.class, UserCommands.Import.class})
public final class UserCommands {

    static final Resource USERS = new Resource("/users", "user", List.of(column("URI", "uri"),
            column("DISPLAY NAME", "displayName"), column("GROUPS", "groups"), column("POLICY", "policy"),
            column("SITE", "site"), column("OU", "organizationalUnit")));

    private UserCommands() {
    }

    @Command(name = "get", description = {"One user, or the users whose address matches.", "GET /users[/URI]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "URI", description = "sip:bob@example.com")
        String uri;

        @Option(names = "--filter", paramLabel = "WILDCARD", description = "Addresses like this ('sip:b*').")
        String filter;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            if (uri != null) {
                if (filter != null) {
                    throw usage("a URI cannot be combined with --filter");
                }
                output().item(api().get(USERS.item(uri)));
            } else {
                output().list(api().get(USERS.path(), paging.addTo(Query.of().add("filter", filter))), USERS.columns());
            }
        }
    }

    @Command(name = "new", description = {"Creates a user.", "POST /users"})
    static final class New extends ApiCommand {
        @Option(names = "--uri", required = true, paramLabel = "URI", description = "sip:frank@example.com")
        String uri;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @ArgGroup(exclusive = true)
        NewPassword password = new NewPassword();

        @Option(names = "--group", paramLabel = "GROUP", description = "A group (repeatable).")
        List<String> groups;

        @Option(names = "--organizational-unit", paramLabel = "DN")
        String organizationalUnit;

        @Option(names = "--site", paramLabel = "NAME")
        String site;

        @Override
        protected void execute() {
            Body body = new Body().put("uri", uri).put("displayName", displayName)
                    .put("password", password.read(environment(), uri)).list("groups", groups)
                    .put("organizationalUnit", organizationalUnit).put("site", site);
            output().item(api().post(USERS.path(), body.build()));
        }
    }

    @Command(name = "set", description = {"Changes a user.", "PATCH /users/URI"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "URI")
        String uri;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @ArgGroup(exclusive = true)
        NewPassword password = new NewPassword();

        @Option(names = "--organizational-unit", paramLabel = "DN")
        String organizationalUnit;

        @Option(names = "--site", paramLabel = "NAME")
        String site;

        @Option(names = "--add-group", paramLabel = "GROUP", description = "Adds a group (repeatable).")
        List<String> addGroups;

        @Option(names = "--remove-group", paramLabel = "GROUP", description = "Removes a group (repeatable).")
        List<String> removeGroups;

        @Option(names = "--replace-groups", paramLabel = "GROUP", description = "The user's groups become exactly"
                + " these (repeatable; '' alone: none).")
        List<String> replaceGroups;

        @Override
        protected void execute() {
            Body body = new Body().put("displayName", displayName).put("organizationalUnit", organizationalUnit)
                    .put("site", site)
                    .put("groups", ListChange.of(spec, "group", addGroups, removeGroups, replaceGroups));
            if (body.isEmpty() && password.file == null && !password.prompt) {
                throw usage("nothing to change");
            }
            body.put("password", password.read(environment(), uri));
            output().item(api().patch(USERS.item(uri), body.build(), null));
        }
    }

    @Command(name = "remove", description = {"Deletes a user.", "DELETE /users/URI"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "URI")
        String uri;

        @Override
        protected void execute() {
            output().done(api().delete(USERS.item(uri), Query.of()), "removed user " + uri);
        }
    }

    @Command(name = "import", description = {"Creates or updates users from a CSV file, showing the progress.",
        "Columns (header line): uri (required), displayName, password, groups (separated by ;),"
            + " organizationalUnit, site, policy.",
        "POST /users:import, then GET /jobs/ID"})
    static final class Import extends ApiCommand {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        protected void execute() {
            if (!Files.isReadable(file)) {
                throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read " + file);
            }
            ApiResponse started = api().upload("/users:import", Query.of(), file, "text/csv; charset=UTF-8");
            JsonObject job = new JobWatcher(api(), environment()).await(api().location(started), "user import");
            JsonObject result = job.get("result") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
            if (output().json()) {
                output().stream().println(job);
            } else {
                output().stream().println("created " + count(result, "created") + ", updated "
                        + count(result, "updated")
                        + ", groups created " + count(result, "groupsCreated") + ", failed "
                        + Json.array(result, "failed").size());
            }
            List<String> failed = new ArrayList<>();
            for (JsonValue line : Json.array(result, "failed")) {
                if (line instanceof JsonObject failure) {
                    failed.add("  line " + Json.number(failure, "line") + ": "
                            + Texts.clean(String.valueOf(Json.string(failure, "error"))));
                }
            }
            failed.addAll(JobWatcher.errors(job));
            if (!failed.isEmpty()) {
                throw new CliException(ExitCodes.FAILED, "user import job " + Json.string(job, "id") + " finished with "
                        + failed.size() + " failed line(s)", failed, null);
            }
        }

        private static long count(JsonObject result, String field) {
            return Math.max(0, Json.number(result, field));
        }
    }
}
