package org.openpchat.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Writes a password file for {@code asadmin --passwordfile}: the entries of an existing one (the
 * administrator's password) plus {@code AS_ADMIN_ALIASPASSWORD}, the password a
 * {@code create-password-alias} in the same session stores. asadmin reads the file with
 * {@link Properties#load(InputStream)}, so {@link Properties#store} writes it: backslashes,
 * separators and non-ASCII characters come out escaped as that reader expects. The password
 * comes from an environment variable, not the command line (which every local user can see).
 * Usage: AsadminPasswordFile target source variable. The target is created owner-only.
 */
public final class AsadminPasswordFile {

    private AsadminPasswordFile() {
    }

    public static void main(String[] args) throws IOException {
        String password = args.length == 3 ? System.getenv(args[2]) : null;
        if (password == null || password.isEmpty()) {
            System.err.println("usage: VARIABLE=password AsadminPasswordFile target source VARIABLE (VARIABLE set, not empty)");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), password);
    }

    static void write(Path target, Path source, String aliasPassword) throws IOException {
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(source)) {
            entries.load(in);
        }
        entries.setProperty("AS_ADMIN_ALIASPASSWORD", aliasPassword);
        Files.deleteIfExists(target);
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
            entries.store(out, null);
        }
    }
}
