package org.openpchat.chat.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Administration jobs: who finds them, how they report progress and errors, and how long they are kept. */
class JobsTest {

    private static final Actor ALICE = Actor.user(PrincipalId.user("alice@example.com"), null).asAdministrator();
    private static final Actor BOB = Actor.user(PrincipalId.user("bob@example.com"), null);

    @TempDir
    Path directory;

    private final Jobs jobs = new Jobs();

    @Test
    void aJobIsFoundByAnyAdministratorAndItsOwner() {
        Job job = jobs.start(BOB, "export");

        assertThat(jobs.find(BOB, job.id())).isSameAs(job);
        assertThat(jobs.find(ALICE, job.id())).isSameAs(job);
        assertThatThrownBy(() -> jobs.find(Actor.user(PrincipalId.user("carol@example.com"), null), job.id()))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> jobs.find(ALICE, "nope")).hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND)
                .hasMessage("no such job: nope");
        assertThat(job.owner()).isEqualTo("sip:bob@example.com");
    }

    @Test
    void aJobReportsItsPhaseProgressResultAndEnd() {
        Job job = jobs.start(ALICE, "import");
        JobView queued = job.view();
        assertThat(queued.state()).isEqualTo("queued");
        assertThat(queued.kind()).isEqualTo("import");
        assertThat(queued.startedAt()).isNotNull();
        assertThat(job.finished()).isFalse();

        job.phase("directory", 10);
        job.progress(3);
        job.progress(4);
        job.result("created", 7);
        JobView running = job.view();
        assertThat(running.state()).isEqualTo("running");
        assertThat(running.phase()).isEqualTo("directory");
        assertThat(running.done()).isEqualTo(7);
        assertThat(running.total()).isEqualTo(10);
        job.phase("messages", 5);
        assertThat(job.view().done()).isZero();

        Instant end = Instant.parse("2026-11-30T10:00:00Z");
        job.succeed(end);
        assertThat(job.finished()).isTrue();
        assertThat(job.view().succeeded()).isTrue();
        assertThat(job.view().finishedAt()).isEqualTo(end);
        assertThat(job.view().result()).containsEntry("created", 7);
    }

    @Test
    void aFailedJobSaysWhyAndKeepsAtMostAHundredErrors() {
        Job job = jobs.start(ALICE, "import");
        for (int i = 1; i <= Job.MAX_ERRORS + 2; i++) {
            job.error("error " + i);
        }
        job.fail(Instant.EPOCH, "broken");

        JobView view = job.view();
        assertThat(view.state()).isEqualTo("failed");
        assertThat(view.succeeded()).isFalse();
        assertThat(view.errors()).hasSize(Job.MAX_ERRORS + 1).startsWith("error 1")
                .endsWith("error " + Job.MAX_ERRORS, "... and 3 more");
    }

    @Test
    void noMoreLineWhileTheErrorsFit() {
        Job job = jobs.start(ALICE, "import");
        for (int i = 1; i <= Job.MAX_ERRORS; i++) {
            job.error("error " + i);
        }
        assertThat(job.view().errors()).hasSize(Job.MAX_ERRORS).last().isEqualTo("error " + Job.MAX_ERRORS);
    }

    @Test
    void jobsEndedADayAgoAreForgottenWithTheirArchives() throws IOException {
        Job old = jobs.start(ALICE, "export");
        Path oldArchive = Files.createFile(directory.resolve("old.zip"));
        old.archive(oldArchive);
        old.succeed(jobs.now().minus(Jobs.KEPT).minusSeconds(60));
        Job recent = jobs.start(ALICE, "export");
        Path recentArchive = Files.createFile(directory.resolve("recent.zip"));
        recent.archive(recentArchive);
        recent.succeed(jobs.now().minus(Jobs.KEPT).plusSeconds(60));
        Job oldWithoutArchive = jobs.start(ALICE, "import");
        oldWithoutArchive.fail(Instant.EPOCH, "broken");
        Job running = jobs.start(ALICE, "import");

        jobs.forgetOldJobs();

        assertThatThrownBy(() -> jobs.find(ALICE, old.id())).hasFieldOrPropertyWithValue("reason",
                Reason.NOT_FOUND);
        assertThatThrownBy(() -> jobs.find(ALICE, oldWithoutArchive.id())).hasFieldOrPropertyWithValue("reason",
                Reason.NOT_FOUND);
        assertThat(oldArchive).doesNotExist();
        assertThat(jobs.find(ALICE, recent.id()).archive()).isEqualTo(recentArchive).exists();
        assertThat(jobs.find(ALICE, running.id())).isSameAs(running);
    }
}
