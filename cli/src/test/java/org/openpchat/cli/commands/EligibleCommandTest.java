package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class EligibleCommandTest extends ApiTest {

    @Test
    void aCategorysEligibleUsersOnePerLine() {
        api.on("GET", "/categories/Bond%20Desk/eligible-principals",
                json(200, "[\"sip:alice@example.com\",\"sip:bob@example.com\"]"));

        Result result = run("eligible", "--category", "Bond Desk", "--filter", "a", "--limit", "5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().query()).isEqualTo("filter=a&limit=5");
        assertThat(result.outLines()).containsExactly("sip:alice@example.com", "sip:bob@example.com");
    }

    @Test
    void anAuditoriumsPresentersAreAskedFor() {
        api.on("GET", "/rooms/Announcements/eligible-principals", json(200, "[]"));

        Result result = run("eligible", "--room", "Announcements", "--presenters");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().query()).isEqualTo("presenters=true");
    }

    @Test
    void exactlyOneOfCategoryAndRoom() {
        assertThat(run("eligible").exitCode()).isEqualTo(2);
        assertThat(run("eligible", "--category", "A", "--room", "B").exitCode()).isEqualTo(2);
    }
}
