package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.util.List;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Groups of principals (Lync's distribution groups). */
@Command(name = "group", description = "Groups of users, groups, OUs and domains.",
        subcommands = {GroupCommands.Get.class, GroupCommands.New.class, GroupCommands.Set.class,
            GroupCommands.Remove.class})
public final class GroupCommands {

    static final Resource GROUPS = new Resource("/groups", "group", List.of(column("NAME", "name"),
            column("DISPLAY NAME", "displayName"), column("MEMBERS", "members")));

    private GroupCommands() {
    }

    @Command(name = "get", description = {"One group, or the groups whose name matches.", "GET /groups[/NAME]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        String name;

        @Option(names = "--filter", paramLabel = "WILDCARD")
        String filter;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            if (name != null) {
                if (filter != null) {
                    throw usage("a NAME cannot be combined with --filter");
                }
                output().item(api().get(GROUPS.item(name)));
            } else {
                Query query = paging.addTo(Query.of().add("filter", filter));
                output().list(api().get(GROUPS.path(), query), GROUPS.columns());
            }
        }
    }

    @Command(name = "new", description = {"Creates a group.", "POST /groups"})
    static final class New extends ApiCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Option(names = "--member", paramLabel = "PRINCIPAL", description = "A member (repeatable).")
        List<String> members;

        @Override
        protected void execute() {
            output().item(api().post(GROUPS.path(),
                    new Body().put("name", name).put("displayName", displayName).list("members", members).build()));
        }
    }

    @Command(name = "set", description = {"Changes a group.", "PATCH /groups/NAME"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Option(names = "--add-member", paramLabel = "PRINCIPAL", description = "Adds a member (repeatable).")
        List<String> addMembers;

        @Option(names = "--remove-member", paramLabel = "PRINCIPAL", description = "Removes a member (repeatable).")
        List<String> removeMembers;

        @Option(names = "--replace-members", paramLabel = "PRINCIPAL",
                description = "The members become exactly these (repeatable; '' alone: none).")
        List<String> replaceMembers;

        @Override
        protected void execute() {
            Body body = new Body().put("displayName", displayName)
                    .put("members", ListChange.of(spec, "member", addMembers, removeMembers, replaceMembers));
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            output().item(api().patch(GROUPS.item(name), body.build(), null));
        }
    }

    @Command(name = "remove", description = {"Deletes a group.", "DELETE /groups/NAME"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        protected void execute() {
            output().done(api().delete(GROUPS.item(name), Query.of()), "removed group " + name);
        }
    }
}
