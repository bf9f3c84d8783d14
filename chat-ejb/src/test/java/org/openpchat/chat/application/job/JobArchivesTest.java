package org.openpchat.chat.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/** Which finished jobs hand out an export archive, and to whom. */
class JobArchivesTest {

    private final Jobs jobs = new Jobs();
    private final Actor admin = new Actor(PrincipalId.user("admin@example.com"), Affiliations.none(), true);
    private final Actor otherAdmin = new Actor(PrincipalId.user("root@example.com"), Affiliations.none(), true);
    private final Actor alice = Actor.user(PrincipalId.user("alice@example.com"), Affiliations.none());

    @Test
    void theArchiveOfASucceededExportIsForAnyAdministrator() {
        Job job = jobs.start(admin, "export");
        job.archive(Path.of("export.zip"));
        job.succeed(Instant.now());

        assertThat(jobs.archive(admin, job.id())).isEqualTo(Path.of("export.zip"));
        assertThat(jobs.archive(otherAdmin, job.id())).isEqualTo(Path.of("export.zip"));
        assertThatThrownBy(() -> jobs.archive(alice, job.id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.NOT_FOUND));
    }

    @Test
    void aRunningFailedOrArchivelessJobHasNoArchive() {
        Job running = jobs.start(admin, "export");
        running.archive(Path.of("partial.zip"));
        running.phase("messages", 10);
        Job failed = jobs.start(admin, "export");
        failed.archive(Path.of("failed.zip"));
        failed.fail(Instant.now(), "disk full");
        Job imported = jobs.start(admin, "import");
        imported.succeed(Instant.now());

        for (Job job : new Job[] {running, failed, imported}) {
            assertThatThrownBy(() -> jobs.archive(admin, job.id())).isInstanceOf(DomainException.class)
                    .hasMessageContaining("has no archive");
        }
        assertThatThrownBy(() -> jobs.archive(admin, "no-such-job")).hasMessageContaining("no such job");
    }
}
