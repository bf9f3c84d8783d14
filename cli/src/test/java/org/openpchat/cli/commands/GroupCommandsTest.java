package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class GroupCommandsTest extends ApiTest {

    static final String DESK = "{\"name\":\"desk\",\"displayName\":\"Desk\",\"members\":[\"sip:bob@example.com\",\"group:analysts\"]}";

    @Test
    void newCreatesAGroupWithMembers() {
        api.on("POST", "/groups", json(201, DESK));

        Result result = run("group", "new", "--name", "desk", "--display-name", "Desk", "--member",
                "sip:bob@example.com", "--member", "group:analysts");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object(DESK));
    }

    @Test
    void setReplacesTheMembers() {
        api.on("PATCH", "/groups/desk", json(200, DESK));

        Result result = run("group", "set", "desk", "--replace-members", "sip:carol@example.com");

        assertThat(result.exitCode()).isZero();
        assertThat(object(api.single().bodyText()))
                .isEqualTo(object("{\"members\":{\"replace\":[\"sip:carol@example.com\"]}}"));
    }

    @Test
    void getFiltersByName() {
        api.on("GET", "/groups", json(200, "[" + DESK + "]"));

        Result result = run("group", "get", "--filter", "d*");

        assertThat(api.single().query()).isEqualTo("filter=d%2A");
        assertThat(result.outLines()).containsExactly("NAME  DISPLAY NAME  MEMBERS",
                "desk  Desk          sip:bob@example.com, group:analysts");
    }

    @Test
    void removeDeletesTheGroup() {
        api.on("DELETE", "/groups/desk", empty(204));

        assertThat(run("group", "remove", "desk").exitCode()).isZero();
    }
}
