package org.openpchat.chat.application.transfer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;

/** Export-CsPersistentChatData: starts an export job; the archive is fetched when it succeeded. */
@Stateless
public class ExportService {

    @EJB
    private Jobs jobs;
    @EJB
    private Exporter exporter;
    @Inject
    private Audit audit;

    public ExportService() {
    }

    /** Outside the container (tests): with this exporter. */
    public ExportService(Jobs jobs, Exporter exporter, Audit audit) {
        this.jobs = jobs;
        this.exporter = exporter;
        this.audit = audit;
    }

    public JobView start(Actor actor, ExportLevel level, Instant since) {
        actor.requireAdministrator("export chat data");
        Job job = jobs.start(actor, "export");
        audit.created(actor, "Export-CsPersistentChatData", "job:" + job.id(),
                new Request(level.name().toLowerCase(java.util.Locale.ROOT), since));
        exporter.run(job, level, since);
        return job.view();
    }

    /** What the audit log shows of an export. */
    public record Request(String level, Instant since) implements java.io.Serializable {
    }
}
