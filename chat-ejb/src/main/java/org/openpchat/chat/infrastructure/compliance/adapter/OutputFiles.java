package org.openpchat.chat.infrastructure.compliance.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterException;

/**
 * Output files of an adapter: names that sort by time and never collide within a server, and
 * writes that appear atomically (an archiver polling the folder never reads half a file). They
 * hold every post, so the folders this creates are 0700 and the files 0600, whatever the umask of
 * the server (on file systems without POSIX permissions, the platform's defaults).
 */
final class OutputFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private OutputFiles() {
    }

    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    static Path prepare(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                return directory;
            }
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                prepare(parent);
            }
            try {
                return Files.createDirectory(directory, OWNER_ONLY_DIRECTORY);
            } catch (UnsupportedOperationException e) {
                return Files.createDirectories(directory);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return directory;
        } catch (IOException e) {
            throw new ComplianceAdapterException("cannot create the output directory " + directory, e);
        }
    }

    /** {@code <adapter>_<utc time>_<n>[_<suffix>]} without extension. */
    static String baseName(String adapterName, Instant now, String suffix) {
        String name = safe(adapterName) + "_" + STAMP.format(now) + "_" + SEQUENCE.incrementAndGet();
        return suffix == null ? name : name + "_" + safe(suffix);
    }

    static void write(Path file, byte[] content) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, OWNER_ONLY_FILE);
            } catch (UnsupportedOperationException e) {
                Files.createFile(partial);
            }
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ComplianceAdapterException("cannot write " + file, e);
        }
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
