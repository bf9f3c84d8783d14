package org.openpchat.chat.infrastructure.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import org.openpchat.chat.application.job.JobFiles;

/**
 * Job files under the GlassFish instance ({@code <instance>/pchat-jobs}, 0700), each 0600: the
 * archives hold every room's history and the directory.
 */
@ApplicationScoped
public class FileJobFiles implements JobFiles {

    static final String DIRECTORY = "pchat-jobs";

    private final Path directory;

    public FileJobFiles() {
        this(Path.of(System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir")), DIRECTORY));
    }

    public FileJobFiles(Path directory) {
        this.directory = directory;
    }

    @Override
    public Path create(String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Path file = directory.resolve(UUID.randomUUID() + suffix);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        return file;
    }
}
