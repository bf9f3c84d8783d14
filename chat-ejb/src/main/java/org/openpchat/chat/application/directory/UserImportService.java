package org.openpchat.chat.application.directory;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;

/** Bulk import of users and group memberships, as a job. */
@Stateless
public class UserImportService {

    public static final int MAX_USERS = 200_000;

    @EJB
    private Jobs jobs;
    @EJB
    private UserImporter importer;
    @Inject
    private Audit audit;

    public UserImportService() {
    }

    /** Outside the container (tests): with this importer. */
    public UserImportService(Jobs jobs, UserImporter importer, Audit audit) {
        this.jobs = jobs;
        this.importer = importer;
        this.audit = audit;
    }

    public JobView start(Actor actor, List<ImportedUser> users) {
        actor.requireAdministrator("import users");
        if (users.size() > MAX_USERS) {
            throw DomainException.invalid("at most " + MAX_USERS + " users per import; this one has " + users.size());
        }
        Job job = jobs.start(actor, "user-import");
        audit.created(actor, "Import-Users", "job:" + job.id(), new Request(users.size()));
        importer.run(job, actor, users);
        return job.view();
    }

    /** What the audit log shows of a user import. */
    public record Request(int lines) implements Serializable {
    }
}
