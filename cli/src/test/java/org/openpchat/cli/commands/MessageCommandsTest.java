package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Request;

class MessageCommandsTest extends ApiTest {

    static final String MESSAGE = """
            {"room":"Lobby","id":42,"author":"sip:alice@example.com","postedAt":"2026-11-30T12:00:00Z",\
            "content":"Build 42 is red"}""";

    @Test
    void historyAsksForAPageAndPrintsTheMessages() {
        api.on("GET", "/rooms/Lobby/messages", json(200, "[" + MESSAGE + "]"));

        Result result = run("message", "history", "Lobby", "--before", "100", "--limit", "20");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().query()).isEqualTo("before=100&limit=20");
        assertThat(result.outLines()).containsExactly(
                "ID  POSTED                AUTHOR                 CONTENT",
                "42  2026-11-30T12:00:00Z  sip:alice@example.com  Build 42 is red");
    }

    @Test
    void historyBeforeAndAfterTogetherIsAUsageError() {
        Result result = run("message", "history", "Lobby", "--before", "1", "--after", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void contentWithLineBreaksAndEscapesStaysOnOneLine() {
        api.on("GET", "/rooms/Lobby/messages", json(200, "[{\"id\":1,\"author\":\"sip:a@example.com\","
                + "\"postedAt\":\"2026-11-30T12:00:00Z\",\"content\":\"two\\nlines \\u001b[31mred\"}]"));

        Result result = run("message", "history", "Lobby");

        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(1)).endsWith("two lines  [31mred").doesNotContain("\u001b");
    }

    @Test
    void postSendsTheContentAndNamesTheNewMessage() {
        api.on("POST", "/rooms/Lobby/messages", json(201, MESSAGE));

        Result result = run("message", "post", "Lobby", "Build 42 is red");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"content\":\"Build 42 is red\"}"));
        assertThat(result.out()).isEqualTo("posted message 42 to Lobby" + System.lineSeparator());
    }

    @Test
    void postAsJsonPrintsTheStoredMessage() {
        api.on("POST", "/rooms/Lobby/messages", json(201, MESSAGE));

        Result result = run("message", "post", "Lobby", "Build 42 is red", "-o", "json");

        assertThat(result.out().strip()).isEqualTo(MESSAGE);
    }

    @Test
    void getReadsOneMessage() {
        api.on("GET", "/rooms/Project%20X/messages/42", json(200, MESSAGE));

        Result result = run("message", "get", "Project X", "42");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).contains("content   Build 42 is red");
    }

    @Test
    void removeDeletesTheMessage() {
        api.on("DELETE", "/rooms/Lobby/messages/42", empty(204));

        Result result = run("message", "remove", "Lobby", "42");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().method()).isEqualTo("DELETE");
        assertThat(result.out()).isEqualTo("removed message 42 from Lobby" + System.lineSeparator());
    }

    @Test
    void replaceSendsTheNewText() {
        api.on("POST", "/rooms/Lobby/messages/42:replace", json(200, MESSAGE));

        Result result = run("message", "replace", "Lobby", "42", "--content", "[removed]");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"content\":\"[removed]\"}"));
        assertThat(result.out()).isEqualTo("replaced message 42 in Lobby" + System.lineSeparator());
    }

    @Test
    void replaceWithoutContentLeavesTheTextToTheServer() {
        api.on("POST", "/rooms/Lobby/messages/42:replace", json(200, MESSAGE));

        Result result = run("message", "replace", "Lobby", "42");

        assertThat(result.exitCode()).isZero();
        assertThat(object(api.single().bodyText())).isEmpty();
    }

    @Test
    void aMessageIdMustBeANumber() {
        Result result = run("message", "remove", "Lobby", "forty-two");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void searchSendsEveryCriterionAndNamesTheNextPage() {
        api.on("GET", "/messages", json(200, "{\"messages\":[" + MESSAGE + "],\"exceededLimit\":true,\"next\":\"c2\"}"));

        Result result = run("message", "search", "--text", "build red", "--author", "sip:alice@example.com",
                "--room", "Lobby", "--room", "Project X", "--from", "2026-11-01", "--to", "2026-12-01T00:00:00Z",
                "--exact", "--case-sensitive", "--limit", "50", "--cursor", "c1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request request = api.single();
        assertThat(request.query()).isEqualTo("text=build%20red&author=sip%3Aalice%40example.com&room=Lobby"
                + "&room=Project%20X&from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z&exact=true"
                + "&caseSensitive=true&limit=50&cursor=c1");
        assertThat(result.outLines()).containsExactly(
                "ROOM   ID  POSTED                AUTHOR                 CONTENT",
                "Lobby  42  2026-11-30T12:00:00Z  sip:alice@example.com  Build 42 is red");
        assertThat(result.err()).contains("more messages: add --cursor c2");
    }

    @Test
    void searchNeedsTextOrAuthor() {
        Result result = run("message", "search", "--room", "Lobby");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("give --text or --author");
        assertThat(api.requests()).isEmpty();
    }
}
