package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class AuditCommandTest extends ApiTest {

    static final String ENTRY = """
            {"id":5,"at":"2026-11-30T12:00:00Z","actor":"sip:admin@example.com","action":"Set-CsPersistentChatRoom",\
            "target":"room:Lobby","before":{"name":"Lobby"},"after":{"name":"Lobby"}}""";

    @Test
    void auditAsksSinceATimeAndShowsWhoDidWhat() {
        api.on("GET", "/audit", json(200, "[" + ENTRY + "]"));

        Result result = run("audit", "--since", "2026-11-30", "--limit", "100");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().query()).isEqualTo("since=2026-11-30T00%3A00%3A00Z&limit=100");
        assertThat(result.outLines()).containsExactly(
                "ID  AT                    ACTOR                  ACTION                    TARGET",
                "5   2026-11-30T12:00:00Z  sip:admin@example.com  Set-CsPersistentChatRoom  room:Lobby");
    }

    @Test
    void auditAsJsonKeepsBeforeAndAfter() {
        api.on("GET", "/audit", json(200, "[" + ENTRY + "]"));

        Result result = run("audit", "-o", "json");

        assertThat(api.single().query()).isNull();
        assertThat(result.out().strip()).isEqualTo("[" + ENTRY + "]");
    }
}
