package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.http.UriPaths.Query;
import org.openpchat.cli.output.Table.Column;
import org.openpchat.cli.output.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A room's messages: history, posting, moderation ({@code Remove-CsPersistentChatMessage}) and search. */
@Command(name = "message", description = "Messages: history, post, moderation, search.",
        subcommands = {MessageCommands.History.class, MessageCommands.Get.class, MessageCommands.Post.class,
            MessageCommands.Remove.class, MessageCommands.Replace.class, MessageCommands.Search.class})
public final class MessageCommands {

    static final List<Column> COLUMNS = List.of(column("ID", "id"), column("POSTED", "postedAt"),
            column("AUTHOR", "author"), column("CONTENT", "content"));

    static final List<Column> SEARCH_COLUMNS = List.of(column("ROOM", "room"), column("ID", "id"),
            column("POSTED", "postedAt"), column("AUTHOR", "author"), column("CONTENT", "content"));

    private MessageCommands() {
    }

    static String messages(String room) {
        return RoomCommands.ROOMS.item(room) + "/messages";
    }

    static String message(String room, long id) {
        return messages(room) + "/" + id;
    }

    @Command(name = "history", description = {"A room's history, oldest first: the newest messages, or those"
        + " just before or after a message id.", "GET /rooms/ROOM/messages"})
    static final class History extends ApiCommand {
        @Parameters(paramLabel = "ROOM")
        String room;

        @Option(names = "--before", paramLabel = "ID", description = "The messages just before this id.")
        Long before;

        @Option(names = "--after", paramLabel = "ID", description = "The messages just after this id.")
        Long after;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (default: the configured chat"
                + " history, at most 500).")
        Integer limit;

        @Override
        protected void execute() {
            if (before != null && after != null) {
                throw usage("--before and --after exclude each other");
            }
            Query query = Query.of().add("before", before).add("after", after).add("limit", limit);
            output().list(api().get(messages(room), query), COLUMNS);
        }
    }

    @Command(name = "get", description = {"One message.", "GET /rooms/ROOM/messages/ID"})
    static final class Get extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;

        @Parameters(index = "1", paramLabel = "ID")
        long id;

        @Override
        protected void execute() {
            output().item(api().get(message(room, id)));
        }
    }

    @Command(name = "post", description = {"Posts into a room as the signed-in user (delivered to the room's"
        + " clients and captured for compliance).", "POST /rooms/ROOM/messages"})
    static final class Post extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Override
        protected void execute() {
            ApiResponse response = api().post(messages(room), new Body().put("content", text).build());
            output().done(response, "posted message " + Json.string(response.object(), "id") + " to " + room);
        }
    }

    @Command(name = "remove", description = {"Removes a message from a room's history (administrators).",
        "Remove-CsPersistentChatMessage -Remove; DELETE /rooms/ROOM/messages/ID"})
    static final class Remove extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;

        @Parameters(index = "1", paramLabel = "ID")
        long id;

        @Override
        protected void execute() {
            output().done(api().delete(message(room, id), Query.of()), "removed message " + id + " from " + room);
        }
    }

    @Command(name = "replace", description = {"Replaces a message's text (administrators).",
        "Remove-CsPersistentChatMessage -ReplaceMessage; POST /rooms/ROOM/messages/ID:replace"})
    static final class Replace extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;

        @Parameters(index = "1", paramLabel = "ID")
        long id;

        @Option(names = "--content", paramLabel = "TEXT", description = "The new text (default: \"This message"
                + " was replaced by the Persistent Chat administrator.\").")
        String content;

        @Override
        protected void execute() {
            ApiResponse response = api().post(message(room, id) + ":replace",
                    new Body().put("content", content).build());
            output().done(response, "replaced message " + id + " in " + room);
        }
    }

    @Command(name = "search", description = {"Searches every room's messages, newest first (administrators).",
        "GET /messages"})
    static final class Search extends ApiCommand {
        @Option(names = "--text", paramLabel = "WORDS", description = "Messages with these words.")
        String text;

        @Option(names = "--author", paramLabel = "SIP-ADDRESS", description = "Messages by this user.")
        String author;

        @Option(names = "--room", paramLabel = "ROOM", description = "Only in this room (repeatable).")
        List<String> rooms;

        @Option(names = "--from", paramLabel = "TIME", description = "Posted at or after.")
        Instant from;

        @Option(names = "--to", paramLabel = "TIME", description = "Posted before.")
        Instant to;

        @Option(names = "--exact", description = "--text is one phrase.")
        boolean exact;

        @Option(names = "--case-sensitive")
        boolean caseSensitive;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (default and at most 999).")
        Integer limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page of an earlier search.")
        String cursor;

        @Override
        protected void execute() {
            if (text == null && author == null) {
                throw usage("give --text or --author (or both)");
            }
            Query query = Query.of().add("text", text).add("author", author).addAll("room", rooms)
                    .add("from", from).add("to", to).add("exact", exact ? true : null)
                    .add("caseSensitive", caseSensitive ? true : null).add("limit", limit).add("cursor", cursor);
            ApiResponse response = api().get("/messages", query);
            output().list(response, "messages", SEARCH_COLUMNS);
            JsonObject page = response.object();
            String next = Json.string(page, "next");
            if (next != null) {
                environment().err().println("more messages: add --cursor " + Texts.clean(next));
            } else if (page.getBoolean("exceededLimit", false)) {
                environment().err().println("more messages than the limit: narrow the search");
            }
        }
    }
}
