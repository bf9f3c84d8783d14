package org.openpchat.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the CLI takes from the process it runs in: environment variables, home directory, standard
 * streams, the terminal. Tests and in-process callers give their own.
 */
public interface CliEnvironment {

    Map<String, String> variables();

    Path home();

    InputStream in();

    PrintStream out();

    PrintStream err();

    /** Reads a secret from the terminal without echo; {@code null} when there is no terminal. */
    char[] readSecret(String prompt);

    /** True when stderr is a terminal: progress redraws one line instead of printing lines. */
    boolean interactive();

    /** How long to wait between two looks at a running job. */
    default Duration jobPollInterval() {
        return Duration.ofMillis(500);
    }

    static CliEnvironment system() {
        return new SystemEnvironment();
    }

    /** The real process. */
    final class SystemEnvironment implements CliEnvironment {

        @Override
        public Map<String, String> variables() {
            return System.getenv();
        }

        @Override
        public Path home() {
            return Path.of(System.getProperty("user.home"));
        }

        @Override
        public InputStream in() {
            return System.in;
        }

        @Override
        public PrintStream out() {
            return System.out;
        }

        @Override
        public PrintStream err() {
            return System.err;
        }

        @Override
        public char[] readSecret(String prompt) {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        }

        @Override
        public boolean interactive() {
            return System.console() != null;
        }
    }
}
