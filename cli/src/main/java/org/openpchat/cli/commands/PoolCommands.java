package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.util.List;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.output.Output;
import org.openpchat.cli.output.Table;
import org.openpchat.cli.output.Table.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The pool: {@code Get-CsPersistentChatState}, {@code Set-CsPersistentChatState} and
 * {@code Set-CsPersistentChatActiveServer}.
 */
@Command(name = "pool", description = "The pool's state, active servers and nodes (Get-/Set-CsPersistentChatState,"
        + " Set-CsPersistentChatActiveServer).", subcommands = {PoolCommands.Get.class, PoolCommands.Set.class})
public final class PoolCommands {

    static final String PATH = "/pool";
    static final List<Column> NODES = List.of(column("NODE", "name"), column("ROLE", "role"),
            column("RESPONDING", "responding"), column("CONNECTIONS", "signedInConnections"),
            column("USERS IN ROOMS", "usersInRooms"), column("LAST HEARD", "lastHeard"));

    enum State { Normal, FailedOver }

    private PoolCommands() {
    }

    @Command(name = "get", description = {"The pool's state, its active servers (none: every node is active) and"
        + " its nodes, each active or idle.", "Get-CsPersistentChatState; GET /pool"})
    static final class Get extends ApiCommand {
        @Override
        protected void execute() {
            show(output(), api().get(PATH));
        }
    }

    @Command(name = "set", description = {"Changes the pool's state and/or its active servers.",
        "FailedOver: no node of the pool takes clients. With active servers named, the other nodes are idle;"
            + " none (--replace-active-servers '') makes every node active.",
        "Set-CsPersistentChatState, Set-CsPersistentChatActiveServer; PATCH /pool"})
    static final class Set extends ApiCommand {
        @Option(names = "--state", paramLabel = "Normal|FailedOver", description = "Normal or FailedOver.")
        State state;

        @Option(names = "--add-active-server", paramLabel = "NODE",
                description = "Makes a node active (repeatable).")
        List<String> addActiveServers;

        @Option(names = "--remove-active-server", paramLabel = "NODE",
                description = "Takes a node off the active servers (repeatable).")
        List<String> removeActiveServers;

        @Option(names = "--replace-active-servers", paramLabel = "NODE",
                description = "The active servers become exactly these (repeatable; '' alone: none, every node"
                        + " active).")
        List<String> replaceActiveServers;

        @Option(names = "--if-match", paramLabel = "ETAG", description = "Only if the pool's settings are unchanged"
                + " since this ETag (from 'pool get'); otherwise exit 5.")
        String ifMatch;

        @Override
        protected void execute() {
            Body body = new Body().put("state", state).put("activeServers", ListChange.of(spec, "active-server",
                    addActiveServers, removeActiveServers, replaceActiveServers));
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            show(output(), api().patch(PATH, body.build(), ifMatch));
        }
    }

    /** The settings as {@code field  value} lines with the ETag, then the nodes as a table. */
    static void show(Output output, ApiResponse response) {
        if (output.json()) {
            output.raw(response);
            return;
        }
        JsonObject pool = response.object();
        JsonObjectBuilder settings = Json.PROVIDER.createObjectBuilder(pool).remove("nodes");
        if (Json.array(pool, "activeServers").isEmpty()) {
            settings.add("activeServers", "(none: every node is active)");
        }
        String etag = response.header("ETag");
        if (etag != null) {
            settings.add("etag", etag);
        }
        PrintStream out = output.stream();
        Table.printItem(out, settings.build());
        List<JsonObject> nodes = Json.array(pool, "nodes").getValuesAs(JsonObject.class);
        if (!nodes.isEmpty()) {
            out.println();
            Table.print(out, NODES, nodes.stream().map(PoolCommands::withRole).toList());
        }
    }

    private static JsonObject withRole(JsonObject node) {
        return Json.PROVIDER.createObjectBuilder(node).add("role", node.getBoolean("active", false) ? "active" : "idle")
                .add("name", Json.string(node, "name") + (node.getBoolean("self", false) ? " (this server)" : ""))
                .build();
    }
}
