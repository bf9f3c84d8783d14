package org.openpchat.it.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.openpchat.cli.CliEnvironment;
import org.openpchat.cli.Pchat;

/** Runs {@code pchat} in this JVM with given environment variables and captured output. */
final class InProcessCli {

    /** The exit code and what was printed. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> variables;
    private final Path home;

    InProcessCli(Map<String, String> variables, Path home) {
        this.variables = Map.copyOf(variables);
        this.home = home;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exitCode = Pchat.run(new CliEnvironment() {
            @Override
            public Map<String, String> variables() {
                return variables;
            }

            @Override
            public Path home() {
                return home;
            }

            @Override
            public InputStream in() {
                return new ByteArrayInputStream(new byte[0]);
            }

            @Override
            public PrintStream out() {
                return outStream;
            }

            @Override
            public PrintStream err() {
                return errStream;
            }

            @Override
            public char[] readSecret(String prompt) {
                return null; // no terminal: a missing password must fail, not hang
            }

            @Override
            public boolean interactive() {
                return true; // the progress bar as a user sees it
            }
        }, args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
