package org.openpchat.cli.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpchat.cli.CliEnvironment;

/** A process for the CLI to run in: given variables, home, stdin and typed secrets; captured output. */
public final class TestEnvironment implements CliEnvironment {

    private final Map<String, String> variables = new HashMap<>();
    private final Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final Deque<String> secrets = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private byte[] stdin = new byte[0];
    private boolean terminal;

    public TestEnvironment(Path home) {
        this.home = home;
    }

    /** Signed in as admin to the fake API, trusting its certificate, through the environment. */
    public static TestEnvironment signedIn(Path home, FakeApi api) {
        return new TestEnvironment(home).set("PCHAT_URL", api.url()).set("PCHAT_USER", "sip:admin@example.com")
                .set("PCHAT_PASSWORD", "Passw0rd!").set("PCHAT_CA_FILE", TestCertificates.get().serverPem().toString());
    }

    public TestEnvironment set(String variable, String value) {
        if (value == null) {
            variables.remove(variable);
        } else {
            variables.put(variable, value);
        }
        return this;
    }

    public TestEnvironment stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A terminal where the user types these secrets, in order. */
    public TestEnvironment terminal(String... typed) {
        terminal = true;
        secrets.addAll(List.of(typed));
        return this;
    }

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
        return new ByteArrayInputStream(stdin);
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
        prompts.add(prompt);
        if (!terminal) {
            return null;
        }
        String typed = secrets.poll();
        return typed == null ? null : typed.toCharArray();
    }

    @Override
    public boolean interactive() {
        return terminal;
    }

    @Override
    public Duration jobPollInterval() {
        return Duration.ofMillis(1);
    }

    public List<String> prompts() {
        return prompts;
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
