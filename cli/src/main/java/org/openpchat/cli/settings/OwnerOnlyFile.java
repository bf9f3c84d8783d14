package org.openpchat.cli.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/** A file that holds a password must be readable by its owner only (mode 0600 or 0400). */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    static void require(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // e.g. Windows: ACLs, nothing this rule can check
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "no such file: " + file, e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        for (PosixFilePermission permission : permissions) {
            if (!permission.name().startsWith("OWNER_")) {
                throw new CliException(ExitCodes.LOCAL_ERROR, "refusing " + file + ": it holds a password and"
                        + " other users may read it (mode " + mode(permissions) + "); make it private with: chmod 600 "
                        + file);
            }
        }
    }

    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal()); // OWNER_READ is 0400 ... OTHERS_EXECUTE is 0001
        }
        return String.format("%04o", mode);
    }
}
