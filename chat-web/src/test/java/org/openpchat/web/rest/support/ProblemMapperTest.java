package org.openpchat.web.rest.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.transfer.ImportConflictException;
import org.openpchat.chat.domain.shared.DomainException;

class ProblemMapperTest {

    private static JsonObject body(Problem problem) {
        return Json.createReader(new StringReader(problem.json())).readObject();
    }

    @Test
    void domainRefusalsKeepTheirMeaning() {
        assertThat(ProblemMapper.problem(DomainException.notFound("no such room: x")).status()).isEqualTo(404);
        assertThat(ProblemMapper.problem(DomainException.forbidden("no")).status()).isEqualTo(403);
        assertThat(ProblemMapper.problem(DomainException.disabled("off")).status()).isEqualTo(403);
        assertThat(ProblemMapper.problem(DomainException.conflict("taken")).status()).isEqualTo(409);
        assertThat(ProblemMapper.problem(DomainException.invalid("bad")).status()).isEqualTo(400);
        assertThat(ProblemMapper.problem(new StaleItemException("old")).status()).isEqualTo(412);
        assertThat(ProblemMapper.problem(new EJBException(DomainException.conflict("wrapped"))).status())
                .isEqualTo(409);
    }

    @Test
    void theDocumentCarriesDetailFieldAndConflicts() {
        JsonObject bad = body(ProblemMapper.problem(new BadRequest("privacy", "must be one of Open")));
        assertThat(bad.getString("type")).isEqualTo("about:blank");
        assertThat(bad.getString("title")).isEqualTo("Bad Request");
        assertThat(bad.getInt("status")).isEqualTo(400);
        assertThat(bad.getString("field")).isEqualTo("privacy");
        assertThat(bad.getString("detail")).isEqualTo("field 'privacy': must be one of Open");

        JsonObject conflict = body(ProblemMapper.problem(new ImportConflictException(List.of("room:Lobby"))));
        assertThat(conflict.getInt("status")).isEqualTo(409);
        assertThat(conflict.getJsonArray("conflicts").getString(0)).isEqualTo("room:Lobby");
    }

    @Test
    void unexpectedFailuresShowOnlyAnIncidentId() {
        Problem problem = ProblemMapper.problem(new IllegalStateException("secret internals"));
        assertThat(problem.status()).isEqualTo(500);
        assertThat(body(problem).getString("detail")).contains("incident").doesNotContain("secret internals");
    }
}
