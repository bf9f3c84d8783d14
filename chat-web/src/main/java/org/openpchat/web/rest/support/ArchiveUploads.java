package org.openpchat.web.rest.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openpchat.chat.application.job.JobFiles;
import org.openpchat.chat.infrastructure.io.LimitedInputStream;

/** An archive to import, received from the API or the console into the jobs' private files. */
@ApplicationScoped
public class ArchiveUploads {

    public static final long MAX_ARCHIVE = 2L * 1024 * 1024 * 1024;

    @Inject
    private JobFiles files;

    /** The stored upload; a refusal (too large, unreadable) is a {@link BadRequest}. */
    public Path store(InputStream archive) {
        Path upload = null;
        try {
            upload = files.create(".upload.zip");
            Files.copy(new LimitedInputStream(archive, MAX_ARCHIVE), upload, StandardCopyOption.REPLACE_EXISTING);
            return upload;
        } catch (LimitedInputStream.BodyTooLarge e) {
            delete(upload);
            throw new BadRequest(413, null, e.getMessage());
        } catch (IOException e) {
            delete(upload);
            throw new BadRequest(null, "the archive could not be received: " + e.getMessage());
        }
    }

    public static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover upload in the private job directory; the next clean-up takes it
        }
    }
}
