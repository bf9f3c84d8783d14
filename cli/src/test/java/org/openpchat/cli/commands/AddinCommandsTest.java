package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class AddinCommandsTest extends ApiTest {

    static final String WIKI = "{\"name\":\"Wiki\",\"url\":\"https://wiki.example.com/addin\"}";

    @Test
    void newRegistersNameAndUrl() {
        api.on("POST", "/addins", json(201, WIKI));

        Result result = run("addin", "new", "--name", "Wiki", "--addin-url", "https://wiki.example.com/addin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object(WIKI));
        assertThat(result.outLines()).containsExactly("name  Wiki", "url   https://wiki.example.com/addin");
    }

    @Test
    void getListsAddins() {
        api.on("GET", "/addins", json(200, "[" + WIKI + "]"));

        Result result = run("addin", "get");

        assertThat(result.outLines()).containsExactly("NAME  URL", "Wiki  https://wiki.example.com/addin");
    }

    @Test
    void setRenamesAndMoves() {
        api.on("PATCH", "/addins/Wiki", json(200, WIKI));

        Result result = run("addin", "set", "Wiki", "--new-name", "Docs", "--addin-url", "https://docs.example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText()))
                .isEqualTo(object("{\"name\":\"Docs\",\"url\":\"https://docs.example.com\"}"));
    }

    @Test
    void removeWithForceDetachesIt() {
        api.on("DELETE", "/addins/Wiki", empty(204));

        Result result = run("addin", "remove", "Wiki", "--force");

        assertThat(result.exitCode()).isZero();
        assertThat(api.single().query()).isEqualTo("force=true");
    }

    @Test
    void removeWithoutForceSendsNoQuery() {
        api.on("DELETE", "/addins/Wiki", empty(204));

        run("addin", "remove", "Wiki");

        assertThat(api.single().query()).isNull();
    }
}
