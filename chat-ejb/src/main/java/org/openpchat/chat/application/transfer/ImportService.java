package org.openpchat.chat.application.transfer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Import-CsPersistentChatData: checks an uploaded archive, refuses it when it would overwrite
 * existing items that differ (unless told to replace them), and imports it as a job. Items equal
 * to what the server has are left alone; the global policy and configurations are always set.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    @EJB
    private Jobs jobs;
    @EJB
    private Importer importer;
    @EJB
    private ImportSteps steps;
    @Inject
    private TransferArchives archives;
    @EJB
    private ImportAudit importAudit;

    public ImportService() {
    }

    /** Outside the container (tests): with this importer and its steps. */
    public ImportService(Jobs jobs, Importer importer, ImportSteps steps, TransferArchives archives,
            ImportAudit importAudit) {
        this.jobs = jobs;
        this.importer = importer;
        this.steps = steps;
        this.archives = archives;
        this.importAudit = importAudit;
    }

    /** The archive file becomes the job's: it is deleted when the job ends. */
    public JobView start(Actor actor, Path archiveFile, boolean replace) {
        actor.requireAdministrator("import chat data");
        ArchiveContent content;
        try (TransferArchives.Reader archive = archives.open(archiveFile)) {
            content = ArchiveContent.read(archive);
        } catch (IOException e) {
            throw DomainException.invalid("the archive cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw DomainException.invalid("the archive cannot be read: " + e.getCause().getMessage());
        }
        List<String> conflicts = steps.conflicts(content);
        if (!replace && !conflicts.isEmpty()) {
            throw new ImportConflictException(conflicts);
        }
        Job job = jobs.start(actor, "import");
        importAudit.started(actor, job, content, replace, conflicts);
        importer.run(job, actor, archiveFile, content, replace);
        return job.view();
    }
}
