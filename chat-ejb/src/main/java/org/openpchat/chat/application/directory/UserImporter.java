package org.openpchat.chat.application.directory;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;

/**
 * Runs a user import in two phases: the directory and the SIP credentials in batches (fast:
 * users can sign in over SIP when it ends), then the PBKDF2 hashes of web sign-in (deliberately
 * slow to compute, a few per transaction).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserImporter {

    private static final Logger LOG = Logger.getLogger(UserImporter.class.getName());
    static final int DIRECTORY_BATCH = 500;
    static final int HASH_BATCH = 20;
    static final int MAX_REPORTED_FAILURES = 1000;

    @EJB
    private UserImportSteps steps;
    @EJB
    private Jobs jobs;

    public UserImporter() {
    }

    /** Outside the container (tests): with these steps, run in the caller's thread. */
    public UserImporter(UserImportSteps steps, Jobs jobs) {
        this.steps = steps;
        this.jobs = jobs;
    }

    @Asynchronous
    public void run(Job job, Actor actor, List<ImportedUser> users) {
        try {
            UserImportSteps.Outcome total = new UserImportSteps.Outcome();
            job.phase("directory", users.size());
            for (int i = 0; i < users.size(); i += DIRECTORY_BATCH) {
                List<ImportedUser> batch = users.subList(i, Math.min(i + DIRECTORY_BATCH, users.size()));
                total.add(steps.directory(batch));
                job.progress(batch.size());
            }
            job.result("created", total.created());
            job.result("updated", total.updated());
            job.result("groupsCreated", total.groupsCreated());
            List<Map<String, Object>> failed = new ArrayList<>();
            total.failures().forEach(f -> {
                job.error("line " + f.line() + ": " + f.error());
                if (failed.size() < MAX_REPORTED_FAILURES) {
                    failed.add(Map.of("line", f.line(), "error", f.error()));
                }
            });
            job.result("failed", failed);
            List<ImportedUser> withPasswords = users.stream()
                    .filter(user -> user.password() != null && !user.password().isEmpty())
                    .filter(user -> total.stored().contains(user.line())).toList();
            job.phase("web-credentials", withPasswords.size());
            for (int i = 0; i < withPasswords.size(); i += HASH_BATCH) {
                List<ImportedUser> batch = withPasswords.subList(i, Math.min(i + HASH_BATCH, withPasswords.size()));
                steps.webCredentials(batch);
                job.progress(batch.size());
            }
            job.succeed(jobs.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "user import job " + job.id() + " failed", e);
            job.fail(jobs.now(), "the import failed: " + e.getMessage());
        }
    }
}
