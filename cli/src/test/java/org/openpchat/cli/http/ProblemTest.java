package org.openpchat.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemDocumentGivesTitleDetailFieldAndConflicts() {
        Problem problem = Problem.of(409, "application/problem+json", """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"exists","field":"name",\
                "conflicts":["room:Lobby"]}""");

        assertThat(problem.line()).isEqualTo("409 Conflict: exists (field: name)");
        assertThat(problem.conflicts()).containsExactly("room:Lobby");
    }

    @Test
    void withoutATitleTheStatusIsNamed() {
        assertThat(Problem.of(404, null, "").line()).isEqualTo("404 Not Found");
        assertThat(Problem.of(418, "text/plain", "teapot\nsecond").line()).isEqualTo("418 HTTP error: teapot");
    }

    @Test
    void brokenJsonIsShownAsText() {
        assertThat(Problem.of(500, "application/json", "{oops").line()).isEqualTo("500 Internal Server Error: {oops");
    }

    @Test
    void aHostileDetailCannotDriveTheTerminal() {
        assertThat(Problem.of(400, "application/problem+json", "{\"detail\":\"a\\u001b[2Jb\"}").line())
                .isEqualTo("400 Bad Request: a [2Jb");
    }
}
