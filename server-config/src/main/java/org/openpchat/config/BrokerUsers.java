package org.openpchat.config;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the user repository of the embedded OpenMQ broker (its flat-file {@code passwd}) with the
 * users the domain setup chose, and no others: the broker's shipped {@code admin/admin} and
 * {@code guest/guest} are gone. Usage: {@code BrokerUsers <file> user:group:ENV_VAR...}, each
 * password taken from the named environment variable (never from the command line, which
 * {@code ps} shows). The file is written with mode 0600.
 *
 * <p>OpenMQ's format, one user a line: {@code name:hash:group:1}, where hash is
 * {@code new BigInteger(MD5(name + ":" + password)).toString(16)} (what its {@code imqusermgr}
 * writes, and what its digest authentication compares with).
 */
public final class BrokerUsers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern GROUP = Pattern.compile("admin|user|anonymous");

    private BrokerUsers() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BrokerUsers <passwd file> user:group:PASSWORD_ENV_VAR...");
            System.exit(2);
        }
        Map<String, String[]> users = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected user:group:ENV_VAR, got " + args[i]);
            }
            String password = System.getenv(parts[2]);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + parts[2] + " is not set");
            }
            users.put(parts[0], new String[] {parts[1], password});
        }
        write(Path.of(args[0]), users);
    }

    /** Replaces the file atomically with these users (name → {group, password}). */
    static void write(Path file, Map<String, String[]> users) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String[]> user : users.entrySet()) {
            lines.append(line(user.getKey(), user.getValue()[0], user.getValue()[1])).append('\n');
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, lines, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String line(String name, String group, String password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a broker user name: " + name);
        }
        if (!GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("not a broker group (admin, user, anonymous): " + group);
        }
        return name + ":" + hash(name, password) + ":" + group + ":1";
    }

    static String hash(String name, String password) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((name + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new BigInteger(md5).toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
