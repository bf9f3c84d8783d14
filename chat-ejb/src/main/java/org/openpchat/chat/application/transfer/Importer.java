package org.openpchat.chat.application.transfer;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;

/**
 * Imports an archive in the background: the directory, then add-ins, categories, rooms and
 * settings, then each room's messages in batches, each step in its own transaction. An item that
 * cannot be imported is reported in the job's errors and the rest goes on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());
    static final int BATCH = 1000;

    @EJB
    private ImportSteps steps;
    @EJB
    private Jobs jobs;
    @Inject
    private TransferArchives archives;

    public Importer() {
    }

    /** Outside the container (tests): run in the caller's thread. */
    public Importer(ImportSteps steps, Jobs jobs, TransferArchives archives) {
        this.steps = steps;
        this.jobs = jobs;
        this.archives = archives;
    }

    @Asynchronous
    public void run(Job job, Actor actor, Path file, ArchiveContent content, boolean replace) {
        try (TransferArchives.Reader archive = archives.open(file)) {
            job.phase("directory", content.users().size() + content.groups().size());
            for (int i = 0; i < content.users().size(); i += BATCH) {
                steps.users(job, content.users().subList(i, Math.min(i + BATCH, content.users().size())), replace);
            }
            steps.groups(job, content.groups(), replace);
            job.phase("configuration", content.addins().size() + content.categories().size()
                    + content.rooms().size() + 1);
            steps.addins(job, content.addins(), replace);
            steps.categories(job, content.categories(), replace);
            steps.rooms(job, content.rooms(), replace);
            steps.settings(job, content, replace);
            importMessages(job, archive, content);
            job.succeed(jobs.now());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "import job " + job.id() + " failed", e);
            job.fail(jobs.now(), "the import failed: " + e.getMessage());
        } finally {
            delete(file);
        }
    }

    private void importMessages(Job job, TransferArchives.Reader archive, ArchiveContent content) throws IOException {
        List<ExportedRoom> rooms = content.rooms().stream()
                .filter(room -> archive.has(ArchiveEntries.messagesOf(room.uid()))).toList();
        AtomicLong total = new AtomicLong();
        for (ExportedRoom room : rooms) {
            archive.lines(ArchiveEntries.messagesOf(room.uid()), RoomMessage.class, message -> total.incrementAndGet());
        }
        job.phase("messages", total.get());
        AtomicLong imported = new AtomicLong();
        for (ExportedRoom room : rooms) {
            List<RoomMessage> batch = new ArrayList<>(BATCH);
            archive.lines(ArchiveEntries.messagesOf(room.uid()), RoomMessage.class, message -> {
                batch.add(message);
                if (batch.size() == BATCH) {
                    imported.addAndGet(steps.messages(job, room.uid(), List.copyOf(batch)));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                imported.addAndGet(steps.messages(job, room.uid(), List.copyOf(batch)));
            }
        }
        job.result("messages", imported.get());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete the uploaded archive " + file, e);
        }
    }
}
