package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.time.Instant;
import java.util.List;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rooms: {@code New-, Get-, Set-, Remove-, Clear-CsPersistentChatRoom}. */
@Command(name = "room", description = "Chat rooms (*-CsPersistentChatRoom).",
        subcommands = {RoomCommands.Get.class, RoomCommands.New.class, RoomCommands.Set.class,
            RoomCommands.Remove.class, RoomCommands.Clear.class})
public final class RoomCommands {

    static final Resource ROOMS = new Resource("/rooms", "room", List.of(column("NAME", "name"),
            column("CATEGORY", "category"), column("PRIVACY", "privacy"), column("TYPE", "type"),
            column("DISABLED", "disabled"), column("MANAGERS", "managers"), column("MEMBERS", "members"),
            column("PRESENTERS", "presenters")));

    // Written as the cmdlets write them; sent as written, read case-insensitively.
    enum Privacy { Open, Closed, Secret }

    enum RoomType { Normal, Auditorium }

    enum Invitations { Inherit, False }

    private RoomCommands() {
    }

    @Command(name = "get", description = {"One room, or the rooms that match the filters (all you may see).",
        "Get-CsPersistentChatRoom; GET /rooms[/NAME]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The room.")
        String name;

        @Option(names = "--category", paramLabel = "NAME", description = "Rooms of this category.")
        String category;

        @Option(names = "--manager", paramLabel = "PRINCIPAL", description = "Rooms this principal manages.")
        String manager;

        @Option(names = "--member", paramLabel = "PRINCIPAL", description = "Rooms this principal is a member of.")
        String member;

        @Option(names = "--disabled", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Disabled (or with =false, enabled) rooms.")
        Boolean disabled;

        @Option(names = "--privacy", paramLabel = "Open|Closed|Secret", description = "Open, Closed or Secret.")
        Privacy privacy;

        @Option(names = "--type", paramLabel = "Normal|Auditorium", description = "Normal or Auditorium.")
        RoomType type;

        @Option(names = "--addin", paramLabel = "NAME", description = "Rooms that use this add-in.")
        String addin;

        @Option(names = "--filter", paramLabel = "WILDCARD",
                description = "Names like this ('Bond*'; ? is one character).")
        String filter;

        @Option(names = "--search-description", description = "--filter matches descriptions too.")
        boolean searchDescription;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            Query query = paging.addTo(Query.of().add("category", category).add("manager", manager)
                    .add("member", member).add("disabled", disabled).add("privacy", privacy).add("type", type)
                    .add("addin", addin).add("filter", filter)
                    .add("searchDescription", searchDescription ? true : null));
            if (name != null) {
                if (!query.toString().isEmpty()) {
                    throw usage("a room NAME cannot be combined with filters");
                }
                output().item(api().get(ROOMS.item(name)));
            } else {
                output().list(api().get(ROOMS.path(), query), ROOMS.columns());
            }
        }
    }

    @Command(name = "new", description = {"Creates a room.", "New-CsPersistentChatRoom; POST /rooms"})
    static final class New extends ApiCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--category", required = true, paramLabel = "NAME")
        String category;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--privacy", paramLabel = "Open|Closed|Secret", description = "Default Closed.")
        Privacy privacy;

        @Option(names = "--type", paramLabel = "Normal|Auditorium", description = "Default Normal.")
        RoomType type;

        @Option(names = "--invitations", paramLabel = "Inherit|False", description = "Default Inherit.")
        Invitations invitations;

        @Option(names = "--disabled", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Disabled (true if no value) or enabled (false).")
        Boolean disabled;

        @Option(names = "--addin", paramLabel = "NAME")
        String addin;

        @Option(names = "--member", paramLabel = "PRINCIPAL", description = "A member (repeatable).")
        List<String> members;

        @Option(names = "--manager", paramLabel = "PRINCIPAL", description = "A manager (repeatable).")
        List<String> managers;

        @Option(names = "--presenter", paramLabel = "PRINCIPAL", description = "A presenter (repeatable).")
        List<String> presenters;

        @Override
        protected void execute() {
            Body body = new Body().put("name", name).put("category", category).put("description", description)
                    .put("privacy", privacy).put("type", type).put("invitations", invitations)
                    .put("disabled", disabled).put("addin", addin).list("members", members)
                    .list("managers", managers).list("presenters", presenters);
            output().item(api().post(ROOMS.path(), body.build()));
        }
    }

    @Command(name = "set", description = {"Changes a room: its settings, members, managers, presenters.",
        "Principals: sip:user@domain, group:NAME, ou:DN, domain:NAME.",
        "Set-CsPersistentChatRoom; PATCH /rooms/NAME"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "The room.")
        String name;

        @Option(names = "--new-name", paramLabel = "NAME", description = "Renames the room.")
        String newName;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--category", paramLabel = "NAME", description = "Moves the room to this category.")
        String category;

        @Option(names = "--privacy", paramLabel = "Open|Closed|Secret", description = "Open, Closed or Secret.")
        Privacy privacy;

        @Option(names = "--type", paramLabel = "Normal|Auditorium", description = "Normal or Auditorium.")
        RoomType type;

        @Option(names = "--invitations", paramLabel = "Inherit|False", description = "Inherit or False.")
        Invitations invitations;

        @Option(names = "--disabled", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Disabled (true if no value) or enabled (false).")
        Boolean disabled;

        @Option(names = "--addin", paramLabel = "NAME", description = "The add-in; '' removes it.")
        String addin;

        @Option(names = "--add-member", paramLabel = "PRINCIPAL", description = "Adds a member (repeatable).")
        List<String> addMembers;

        @Option(names = "--remove-member", paramLabel = "PRINCIPAL", description = "Removes a member (repeatable).")
        List<String> removeMembers;

        @Option(names = "--replace-members", paramLabel = "PRINCIPAL",
                description = "The members become exactly these (repeatable; '' alone: none).")
        List<String> replaceMembers;

        @Option(names = "--add-manager", paramLabel = "PRINCIPAL", description = "Adds a manager (repeatable).")
        List<String> addManagers;

        @Option(names = "--remove-manager", paramLabel = "PRINCIPAL", description = "Removes a manager (repeatable).")
        List<String> removeManagers;

        @Option(names = "--replace-managers", paramLabel = "PRINCIPAL",
                description = "The managers become exactly these (repeatable; '' alone: none).")
        List<String> replaceManagers;

        @Option(names = "--add-presenter", paramLabel = "PRINCIPAL", description = "Adds a presenter (repeatable).")
        List<String> addPresenters;

        @Option(names = "--remove-presenter", paramLabel = "PRINCIPAL",
                description = "Removes a presenter (repeatable).")
        List<String> removePresenters;

        @Option(names = "--replace-presenters", paramLabel = "PRINCIPAL",
                description = "The presenters become exactly these (repeatable; '' alone: none).")
        List<String> replacePresenters;

        @Option(names = "--if-match", paramLabel = "ETAG", description = "Only if the room is unchanged since"
                + " this ETag (from 'room get NAME'); otherwise exit 5.")
        String ifMatch;

        @Override
        protected void execute() {
            Body body = new Body().put("name", newName).put("description", description).put("category", category)
                    .put("privacy", privacy).put("type", type).put("invitations", invitations)
                    .put("disabled", disabled).put("addin", addin)
                    .put("members", ListChange.of(spec, "member", addMembers, removeMembers, replaceMembers))
                    .put("managers", ListChange.of(spec, "manager", addManagers, removeManagers, replaceManagers))
                    .put("presenters", ListChange.of(spec, "presenter", addPresenters, removePresenters,
                            replacePresenters));
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            output().item(api().patch(ROOMS.item(name), body.build(), ifMatch));
        }
    }

    @Command(name = "remove", description = {"Deletes a room and its history (administrators).",
        "Remove-CsPersistentChatRoom; DELETE /rooms/NAME"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        protected void execute() {
            output().done(api().delete(ROOMS.item(name), Query.of()), "removed room " + name);
        }
    }

    @Command(name = "clear", description = {"Deletes a room's messages posted before a time.",
        "Clear-CsPersistentChatRoom; POST /rooms/NAME:clear"})
    static final class Clear extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--before", required = true, paramLabel = "TIME",
                description = "2026-11-30T00:00:00Z, or a date (its midnight UTC).")
        Instant before;

        @Override
        protected void execute() {
            ApiResponse response = api().post(ROOMS.item(name) + ":clear",
                    new Body().put("before", before.toString()).build());
            output().done(response, "removed " + Json.number(response.object(), "removed") + " messages from " + name);
        }
    }
}
