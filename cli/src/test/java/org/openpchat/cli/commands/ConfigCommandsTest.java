package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class ConfigCommandsTest extends ApiTest {

    static final String GLOBAL = """
            {"identity":"global","defaultChatHistory":30,"maxFileSizeKB":20000,"participantUpdateLimit":75,\
            "roomManagementUrl":null}""";

    @Test
    void newCreatesASiteConfiguration() {
        api.on("POST", "/configurations", json(201, GLOBAL));

        Result result = run("config", "new", "--identity", "site:Redmond", "--default-chat-history", "50",
                "--max-file-size-kb", "1000", "--participant-update-limit", "10", "--room-management-url",
                "https://rooms.example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"identity":"site:Redmond","defaultChatHistory":50,"maxFileSizeKB":1000,"participantUpdateLimit":10,
                 "roomManagementUrl":"https://rooms.example.com"}"""));
    }

    @Test
    void setChangesOneSetting() {
        api.on("PATCH", "/configurations/global", json(200, GLOBAL));

        Result result = run("config", "set", "global", "--default-chat-history", "100");

        assertThat(result.exitCode()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"defaultChatHistory\":100}"));
    }

    @Test
    void aNonNumberIsAUsageError() {
        Result result = run("config", "set", "global", "--default-chat-history", "many");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void getListsConfigurations() {
        api.on("GET", "/configurations", json(200, "[" + GLOBAL + "]"));

        Result result = run("config", "get");

        assertThat(result.outLines()).containsExactly(
                "IDENTITY  DEFAULT CHAT HISTORY  MAX FILE SIZE KB  PARTICIPANT UPDATE LIMIT  ROOM MANAGEMENT URL",
                "global    30                    20000             75");
    }

    @Test
    void removeDeletesTheScope() {
        api.on("DELETE", "/configurations/service:PersistentChatServer:chat.example.com", empty(204));

        Result result = run("config", "remove", "service:PersistentChatServer:chat.example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}
