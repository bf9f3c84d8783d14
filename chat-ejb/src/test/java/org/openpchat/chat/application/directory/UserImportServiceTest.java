package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Starting a user import: administrators only, at most 200,000 lines, audited, run as a job. */
class UserImportServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final Jobs jobs = new Jobs();
    private final List<Integer> runs = new ArrayList<>();
    private final UserImportService service = new UserImportService(jobs, new UserImporter() {
        @Override
        public void run(Job job, Actor actor, List<ImportedUser> users) {
            runs.add(users.size());
        }
    }, server.audit);

    private static List<ImportedUser> lines(int count) {
        return Collections.nCopies(count, new ImportedUser(1, "alice@example.com", null, null, null, null, null,
                null));
    }

    @Test
    void anImportIsAuditedAndRunAsAJob() {
        JobView started = service.start(server.admin, lines(3));

        assertThat(started.kind()).isEqualTo("user-import");
        assertThat(jobs.find(server.admin, started.id())).isNotNull();
        assertThat(runs).containsExactly(3);
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "Import-Users",
                "job:" + started.id(), null, new UserImportService.Request(3)));
    }

    @Test
    void tooManyLinesOrANonAdministratorAreRefused() {
        assertThat(service.start(server.admin, lines(UserImportService.MAX_USERS)).kind()).isEqualTo("user-import");
        assertThatThrownBy(() -> service.start(server.admin, lines(UserImportService.MAX_USERS + 1)))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessage("at most 200000 users per import; this one has 200001");
        assertThatThrownBy(() -> service.start(server.actor(server.user("alice")), lines(1)))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators import users");
        assertThat(runs).containsExactly(UserImportService.MAX_USERS);
        assertThat(server.auditLog.entries()).hasSize(1);
    }
}
