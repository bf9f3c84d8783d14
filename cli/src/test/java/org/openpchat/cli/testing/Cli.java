package org.openpchat.cli.testing;

import java.util.List;
import org.openpchat.cli.Pchat;

/** Runs {@code pchat} in-process. */
public final class Cli {

    /** The exit code and what was printed. */
    public record Result(int exitCode, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    public static Result run(TestEnvironment environment, String... args) {
        int exitCode = Pchat.run(environment, args);
        return new Result(exitCode, environment.stdout(), environment.stderr());
    }
}
