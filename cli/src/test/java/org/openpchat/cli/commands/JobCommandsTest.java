package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class JobCommandsTest extends ApiTest {

    @Test
    void getShowsTheJob() {
        api.on("GET", "/jobs/7", json(200, """
                {"id":"7","kind":"export","state":"running","phase":"messages","done":5,"total":10,"errors":[],\
                "startedAt":"2026-11-30T12:00:00Z","finishedAt":null,"result":null}"""));

        Result result = run("job", "get", "7");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly("id          7", "kind        export", "state       running",
                "phase       messages", "done        5", "total       10", "errors", "startedAt   2026-11-30T12:00:00Z",
                "finishedAt", "result");
    }
}
