package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.application.transfer.ExportLevel;
import org.openpchat.chat.application.transfer.ExportService;
import org.openpchat.chat.application.transfer.ImportConflictException;
import org.openpchat.chat.application.transfer.ImportService;
import org.openpchat.web.rest.support.ArchiveUploads;
import org.primefaces.model.file.UploadedFile;

/**
 * Export-CsPersistentChatData and Import-CsPersistentChatData as jobs, the way the API runs them:
 * the page follows the job it started (polling it) until it ends, then offers an export's
 * archive for download ({@link ExportArchiveDownload}).
 */
@Named
@ViewScoped
public class TransferPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExportService exports;
    @EJB
    private ImportService imports;
    @EJB
    private Jobs jobs;
    @Inject
    private ArchiveUploads uploads;
    @Inject
    private ConsoleUser user;

    private ExportLevel level = ExportLevel.CONFIGURATION;
    private LocalDateTime since;
    private transient UploadedFile archive;
    private boolean replace;

    private String jobId;
    private JobView job;
    private List<String> conflicts = List.of();

    public void export() {
        Feedback.attempt("export:level", () -> exports.start(user.actor(), level, ConsoleTimes.instant(since)))
                .ifPresent(this::follow);
    }

    public void importArchive() throws IOException {
        conflicts = List.of();
        if (archive == null || archive.getSize() == 0) {
            Feedback.error("import:archive", "choose the archive to import");
            return;
        }
        Path upload;
        try (InputStream in = archive.getInputStream()) {
            upload = Feedback.attempt("import:archive", () -> uploads.store(in)).orElse(null);
        } finally {
            archive.delete();
        }
        if (upload == null) {
            return;
        }
        Feedback.attempt("import:archive", () -> {
            try {
                return imports.start(user.actor(), upload, replace);
            } catch (ImportConflictException e) {
                conflicts = e.conflicts();
                throw e;
            } catch (RuntimeException e) {
                ArchiveUploads.delete(upload);
                throw e;
            }
        }).ifPresentOrElse(this::follow, () -> ArchiveUploads.delete(upload));
    }

    private void follow(JobView started) {
        jobId = started.id();
        job = started;
    }

    /** The poll's listener: the job as it is now. */
    public void refresh() {
        if (jobId != null) {
            Feedback.attempt(null, () -> jobs.find(user.actor(), jobId).view()).ifPresent(view -> job = view);
        }
    }

    public JobView getJob() {
        return job;
    }

    public boolean isRunning() {
        return job != null && job.finishedAt() == null;
    }

    /** How far the job's current phase got; 100 once it succeeded. */
    public int getPercent() {
        if (job == null) {
            return 0;
        }
        if (job.succeeded()) {
            return 100;
        }
        return job.total() <= 0 ? 0 : (int) Math.min(99, job.done() * 100 / job.total());
    }

    public boolean isDownloadable() {
        return job != null && job.succeeded() && "export".equals(job.kind());
    }

    public List<Map.Entry<String, Object>> getResults() {
        return job == null ? List.of() : List.copyOf(job.result().entrySet());
    }

    public List<String> getConflicts() {
        return conflicts;
    }

    public ExportLevel[] getLevels() {
        return ExportLevel.values();
    }

    public ExportLevel getLevel() {
        return level;
    }

    public void setLevel(ExportLevel level) {
        this.level = level;
    }

    public LocalDateTime getSince() {
        return since;
    }

    public void setSince(LocalDateTime since) {
        this.since = since;
    }

    public UploadedFile getArchive() {
        return archive;
    }

    public void setArchive(UploadedFile archive) {
        this.archive = archive;
    }

    public boolean isReplace() {
        return replace;
    }

    public void setReplace(boolean replace) {
        this.replace = replace;
    }
}
