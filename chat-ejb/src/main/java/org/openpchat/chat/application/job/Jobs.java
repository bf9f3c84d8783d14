package org.openpchat.chat.application.job;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The administration jobs of this server (exports, imports), kept for a day after they end,
 * with their archive files. Jobs are per server: a pool's other servers do not see them.
 */
@Singleton
@Startup // not made by its timer during an undeploy: GlassFish's singleton shutdown then fails
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    static final Duration KEPT = Duration.ofDays(1);

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public Job start(Actor actor, String kind) {
        Job job = new Job(UUID.randomUUID().toString(), kind, actor.describe(), clock.instant());
        jobs.put(job.id(), job);
        return job;
    }

    /** The job, for the administrator who started it or any administrator. */
    public Job find(Actor actor, String id) {
        Job job = jobs.get(id);
        if (job == null || !actor.administrator() && !actor.describe().equals(job.owner())) {
            throw DomainException.notFound("no such job: " + id);
        }
        return job;
    }

    /** The archive of an export that succeeded, for whoever may see the job. */
    public Path archive(Actor actor, String id) {
        Job job = find(actor, id);
        if (!job.view().succeeded() || job.archive() == null) {
            throw DomainException.notFound("job " + id + " has no archive (yet)");
        }
        return job.archive();
    }

    public Instant now() {
        return clock.instant();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetOldJobs() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> {
            boolean old = job.finished() && job.finishedAt().isBefore(cutoff);
            if (old && job.archive() != null) {
                delete(job.archive());
            }
            return old;
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete the job file " + file, e);
        }
    }
}
