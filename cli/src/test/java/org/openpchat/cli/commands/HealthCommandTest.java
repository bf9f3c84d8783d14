package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Reply;

class HealthCommandTest extends ApiTest {

    @Test
    void healthAsksWithoutSigningIn() {
        api.onAbsolute("GET", "/pchat/api/health", json(200, "{\"status\":\"UP\",\"mgc\":\"UP H2\"}"));

        Result result = Cli.run(environment().set("PCHAT_USER", null).set("PCHAT_PASSWORD", null), "health");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().header("Authorization")).isNull();
        assertThat(result.outLines()).containsExactly("status  UP", "mgc     UP H2");
    }

    @Test
    void aServerDownEndsWithTheServerCode() {
        api.onAbsolute("GET", "/pchat/api/health", Reply.json(503, "{\"status\":\"DOWN\"}"));

        Result result = run("health");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).startsWith("pchat: 503 Service Unavailable");
    }
}
