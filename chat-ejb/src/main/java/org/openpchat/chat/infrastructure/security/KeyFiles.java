package org.openpchat.chat.infrastructure.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The application's secret keys, each Base64 in a file of its own outside the database, named by
 * a JVM option (configure-domain.sh generates them in the domain's config/pchat-keys, mode 0600).
 * A key file that others may read is refused: whoever can read it could forge compliance events or
 * decrypt the SIP credentials.
 */
public final class KeyFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFiles() {
    }

    /** The key in the file that system property {@code property} names. */
    public static byte[] read(String property, String what) {
        String location = System.getProperty(property);
        if (location == null || location.isBlank()) {
            throw new IllegalStateException(what + " is not configured: set the JVM option -D" + property
                    + "=<file> (server-config/bin/configure-domain.sh does)");
        }
        return read(Path.of(location), what);
    }

    public static byte[] read(Path file, String what) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                permissions.retainAll(OTHERS);
                if (!permissions.isEmpty()) {
                    throw new IllegalStateException(what + " in " + file + " may be read by others (" + permissions
                            + "): chmod 600 " + file);
                }
            }
            return Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read " + what + " from " + file + ": " + e.getMessage(), e);
        }
    }
}
