package org.openpchat.chat.application.transfer;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobFiles;
import org.openpchat.chat.application.job.Jobs;

/**
 * Writes an export archive in the background, reading in short transactions (a page of users or
 * of a room's messages at a time), so a large history neither holds one long transaction nor
 * fills the memory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Exporter {

    private static final Logger LOG = Logger.getLogger(Exporter.class.getName());
    static final int PAGE = 1000;

    @EJB
    private TransferQueries queries;
    @EJB
    private Jobs jobs;
    @Inject
    private TransferArchives archives;
    @Inject
    private JobFiles files;
    @Inject
    private ChatServerSettings settings;

    public Exporter() {
    }

    /** Outside the container (tests): run in the caller's thread. */
    public Exporter(TransferQueries queries, Jobs jobs, TransferArchives archives, JobFiles files,
            ChatServerSettings settings) {
        this.queries = queries;
        this.jobs = jobs;
        this.archives = archives;
        this.files = files;
        this.settings = settings;
    }

    @Asynchronous
    public void run(Job job, ExportLevel level, Instant since) {
        try {
            Path file = files.create(".zip");
            try (TransferArchives.Writer archive = archives.create(file)) {
                write(job, archive, level, since);
            }
            job.archive(file);
            job.succeed(jobs.now());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "export job " + job.id() + " failed", e);
            job.fail(jobs.now(), "the export failed: " + e.getMessage());
        }
    }

    private void write(Job job, TransferArchives.Writer archive, ExportLevel level, Instant since)
            throws IOException {
        job.phase("configuration", 9);
        archive.json(ArchiveEntries.MANIFEST, new Manifest(Manifest.FORMAT, Manifest.VERSION,
                level.name().toLowerCase(Locale.ROOT), since, jobs.now(), settings.sipDomain()));
        List<ExportedRoom> rooms = queries.rooms();
        archive.json(ArchiveEntries.CATEGORIES, queries.categories());
        archive.json(ArchiveEntries.ROOMS, rooms);
        archive.json(ArchiveEntries.ADDINS, queries.addins());
        archive.json(ArchiveEntries.POLICIES, queries.policies());
        archive.json(ArchiveEntries.CONFIGURATIONS, queries.configurations());
        archive.json(ArchiveEntries.COMPLIANCE_CONFIGURATIONS, queries.complianceConfigurations());
        archive.json(ArchiveEntries.ENDPOINTS, queries.endpoints());
        archive.json(ArchiveEntries.USERS, paged(queries::users));
        archive.json(ArchiveEntries.GROUPS, paged(queries::groups));
        job.progress(9);
        job.result("rooms", rooms.size());
        if (level == ExportLevel.FULL) {
            writeMessages(job, archive, rooms, since);
        }
    }

    private void writeMessages(Job job, TransferArchives.Writer archive, List<ExportedRoom> rooms, Instant since)
            throws IOException {
        long total = 0;
        for (ExportedRoom room : rooms) {
            total += queries.countMessages(room.uid());
        }
        job.phase("messages", total);
        long written = 0;
        for (ExportedRoom room : rooms) {
            archive.startLines(ArchiveEntries.messagesOf(room.uid()));
            long after = 0;
            while (true) {
                List<RoomMessage> page = queries.messages(room.uid(), after, PAGE);
                for (RoomMessage message : page) {
                    if (since == null || !message.postedAt().isBefore(since)) {
                        archive.line(message);
                        written++;
                    }
                }
                job.progress(page.size());
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
        job.result("messages", written);
    }

    private static <T> List<T> paged(PageQuery<T> query) {
        List<T> all = new ArrayList<>();
        for (int offset = 0;; offset += PAGE) {
            List<T> page = query.page(offset, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    @FunctionalInterface
    private interface PageQuery<T> {
        List<T> page(int offset, int max);
    }
}
