package org.openpchat.cli.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/** Passwords read from a private file or from standard input: the first line, without its line end. */
public final class PasswordFile {

    private PasswordFile() {
    }

    public static char[] read(Path file) {
        byte[] bytes;
        try {
            OwnerOnlyFile.require(file);
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return firstLine(bytes, file.toString());
    }

    public static char[] read(InputStream in) {
        try {
            return firstLine(in.readAllBytes(), "standard input");
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read standard input: " + e.getMessage(), e);
        }
    }

    private static char[] firstLine(byte[] bytes, String source) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "no password in " + source);
        }
        return line.toCharArray();
    }
}
