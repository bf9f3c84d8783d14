package org.openpchat.cli.commands;

import java.nio.file.Path;
import java.util.Arrays;
import org.openpchat.cli.CliEnvironment;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.settings.PasswordFile;
import picocli.CommandLine.Option;

/** A password to set, from a private file or typed twice; never on the command line. */
final class NewPassword {

    @Option(names = "--new-password-file", paramLabel = "FILE",
            description = "The user's password: the first line of FILE (mode 0600).")
    Path file;

    @Option(names = "--new-password", description = "Ask for the user's password on the terminal.")
    boolean prompt;

    /** The password, or {@code null} when none was asked for. */
    String read(CliEnvironment environment, String user) {
        if (file != null) {
            return new String(PasswordFile.read(file));
        }
        if (!prompt) {
            return null;
        }
        char[] first = environment.readSecret("New password for " + user + ": ");
        if (first == null) {
            throw new CliException(ExitCodes.USAGE,
                    "no terminal to ask for the password: use --new-password-file FILE");
        }
        char[] second = environment.readSecret("Again: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                throw new CliException(ExitCodes.USAGE, "the two passwords differ");
            }
            if (first.length == 0) {
                throw new CliException(ExitCodes.USAGE, "the password is empty");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
