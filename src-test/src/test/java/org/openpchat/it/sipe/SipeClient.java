package org.openpchat.it.sipe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One real SIPE client: a sipe-driver process (src/test/sipe-driver) signed in to our server,
 * driven through its stdin commands and watched through its stdout events.
 *
 * <p>Files: SIPE's debug output (the full SIP trace) goes to {@code <logDir>/<user>.log}; the
 * commands sent and the events received, with times, to {@code <logDir>/<user>.events.log}.
 *
 * <p>Expectations: {@link #expect} returns the first not yet expected event that matches, in
 * arrival order, waiting up to a timeout; events that did not match stay available for later
 * expectations, so the order of waits does not have to follow the order of arrival. {@link #count}
 * and {@link #awaitEvents} look at every event received. Failures are {@link AssertionError}s
 * naming the expectation, the latest events and the tail of SIPE's log. A {@code CONN_ERROR} or
 * the end of the driver fails every expectation that is not for it at once.
 */
public final class SipeClient implements AutoCloseable {

    public static final String DOMAIN = "example.com";
    public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("sipe.timeout.seconds", 20));
    public static final Duration SIGN_ON_TIMEOUT = TIMEOUT.multipliedBy(2);

    /**
     * Everything a client needs to start; {@link #command} replaces the driver (unit tests).
     *
     * @param transport SIPE's transport setting: tls or tcp
     * @param caFile the CA certificates the client trusts for TLS (the server's demo CA); null for
     *        none but the system's
     */
    public record Config(String address, String password, String server, String transport, Path caFile,
            Path logDir, List<String> command, Map<String, String> extraEnvironment) {

        /** TLS to 127.0.0.1:5061, trusting the demo CA of the server under test. */
        public static Config of(String user, String password, Path logDir) {
            String address = user.contains("@") ? user : user + "@" + DOMAIN;
            return new Config(address, password, System.getProperty("sipe.server", "127.0.0.1:5061"), "tls",
                    demoCa(), logDir, List.of(driver().toString()), Map.of());
        }

        /** Plain TCP to the server's loopback listener 127.0.0.1:5060. */
        public Config overTcp() {
            return new Config(address, password, System.getProperty("sipe.tcp.server", "127.0.0.1:5060"), "tcp", null,
                    logDir, command, extraEnvironment);
        }

        public Config withCommand(List<String> newCommand) {
            return new Config(address, password, server, transport, caFile, logDir, newCommand, extraEnvironment);
        }

        public Config withEnvironment(Map<String, String> environment) {
            return new Config(address, password, server, transport, caFile, logDir, command, environment);
        }

        String userName() {
            return address.substring(0, address.indexOf('@'));
        }
    }

    private final String name;
    private final Process process;
    private final Path home;
    private final Path log;
    private final Path transcript;
    private final Writer stdin;
    private final Thread reader;
    private final List<SipeEvent> events = new ArrayList<>();
    private final List<Boolean> consumed = new ArrayList<>();
    private boolean ended;

    private SipeClient(Config config) throws IOException {
        this.name = config.userName();
        Files.createDirectories(config.logDir());
        this.log = freeName(config.logDir(), name, ".log");
        this.transcript = config.logDir().resolve(log.getFileName().toString().replace(".log", ".events.log"));
        Files.deleteIfExists(transcript);
        if (config.caFile() != null && !Files.isReadable(config.caFile())) {
            throw new AssertionError("the CA certificate SIPE is to trust is missing: " + config.caFile()
                    + " (configure-domain.sh writes the server's demo CA there)");
        }
        this.home = Files.createTempDirectory("sipe-home-" + name + "-");
        ProcessBuilder builder = new ProcessBuilder(config.command()).redirectError(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SIPE_USER", config.address());
        env.put("SIPE_PASSWORD", config.password());
        env.put("SIPE_SERVER", config.server());
        env.put("SIPE_TRANSPORT", config.transport());
        if (config.caFile() != null) {
            env.put("SIPE_CA_FILE", config.caFile().toString());
        }
        env.put("SIPE_HOME", home.toString());
        env.put("SIPE_DEBUG", "1");
        env.putAll(config.extraEnvironment());
        note("start " + String.join(" ", config.command()) + " as " + config.address() + " -> " + config.server()
                + " over " + config.transport());
        this.process = builder.start();
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::pump, "sipe-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a client for {@code user} ("alice" means alice@example.com) with the driver built by
     * Maven, over TLS to 127.0.0.1:5061.
     */
    public static SipeClient start(String user, String password, Path logDir) {
        requireDriver();
        return start(Config.of(user, password, logDir));
    }

    /**
     * The demo CA of the server under test: {@code pchat-sip-ca.pem} in the configuration of the
     * domain of {@code glassfish.home} (system property sipe.ca overrides).
     */
    public static Path demoCa() {
        String explicit = System.getProperty("sipe.ca");
        if (explicit != null) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("glassfish.home", "target/gf-h2/glassfish7"), "glassfish", "domains",
                "domain1", "config", "pchat-sip-ca.pem").toAbsolutePath();
    }

    public static SipeClient start(Config config) {
        try {
            return new SipeClient(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipe-driver for " + config.address(), e);
        }
    }

    /** The driver binary Maven builds (system property sipe.driver). */
    public static Path driver() {
        return Path.of(System.getProperty("sipe.driver", "target/sipe-driver/sipe-driver")).toAbsolutePath();
    }

    /** Fails (never skips) when the driver was not built, with the output of its build. */
    public static void requireDriver() {
        Path driver = driver();
        if (Files.isExecutable(driver)) {
            return;
        }
        Path buildLog = driver.resolveSibling("build.log");
        String output;
        try {
            output = Files.isRegularFile(buildLog) ? Files.readString(buildLog) : "(no " + buildLog + ")";
        } catch (IOException e) {
            output = e.toString();
        }
        throw new AssertionError("sipe-driver was not built: " + driver + " is missing. Its build needs the Debian "
                + "packages pidgin-sipe libpurple-dev libglib2.0-dev libxml2-dev gcc pkg-config (.ci/run installs "
                + "them). Build output:\n" + output);
    }

    public String user() {
        return name;
    }

    public String uri() {
        return "sip:" + name + "@" + DOMAIN;
    }

    public Path log() {
        return log;
    }

    // ---- commands ----

    /** Writes one stdin command line. */
    public void send(String command) {
        if (command.contains("\n")) {
            throw new IllegalArgumentException("one line only: " + command);
        }
        note("<< " + command);
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw failure("cannot send '" + command + "' (driver ended?): " + e);
        }
    }

    /** Waits for SIGNED_ON (REGISTER accepted). */
    public SipeEvent signOn() {
        return expect(SIGN_ON_TIMEOUT, SipeEvent.SIGNED_ON);
    }

    /**
     * The room list (cmd:chansrch). Until SIPE's group chat session is connected (it starts
     * after the provisioning NOTIFY, after SIGNED_ON) the driver answers CMD_ERROR, so this asks
     * again every 300 ms until {@link #SIGN_ON_TIMEOUT}; then it waits for ROOMLIST_DONE.
     */
    public List<SipeEvent.Room> rooms() {
        long deadline = System.nanoTime() + SIGN_ON_TIMEOUT.toNanos();
        while (true) {
            send("rooms");
            SipeEvent answer = expect(TIMEOUT, e -> e.matches(SipeEvent.CMD_OK, "rooms")
                    || e.matches(SipeEvent.CMD_ERROR, "roomlist unavailable.*"), "CMD_OK rooms or CMD_ERROR");
            if (answer.type().equals(SipeEvent.CMD_OK)) {
                break;
            }
            expect(SipeEvent.ROOMLIST_DONE); // printed by the cancelled list, before the CMD_ERROR
            if (System.nanoTime() > deadline) {
                throw failure("group chat never connected: 'rooms' still answered " + answer + " after "
                        + SIGN_ON_TIMEOUT.toSeconds() + " s (no provisioning NOTIFY, or no 200 to the INVITE or "
                        + "rpl:requri?)");
            }
            sleep(300);
        }
        int done = indexOf(expect(SipeEvent.ROOMLIST_DONE));
        List<SipeEvent.Room> rooms = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < done; i++) {
                if (!consumed.get(i) && events.get(i).type().equals(SipeEvent.ROOM)) {
                    consumed.set(i, true);
                    rooms.add(events.get(i).asRoom());
                }
            }
        }
        return rooms;
    }

    /** Joins a room by URI and returns its title (CHAT_JOINED). */
    public String join(String roomUri, String expectedTitle) {
        send("join " + roomUri);
        expect(SipeEvent.CMD_OK, "join");
        return expect(SipeEvent.CHAT_JOINED, Pattern.quote(expectedTitle)).room();
    }

    /** Posts to the last joined room. */
    public void say(String text) {
        send("say " + text);
        expect(SipeEvent.CMD_OK, "say");
    }

    // ---- expectations ----

    public SipeEvent expect(String type, String... fieldPatterns) {
        return expect(TIMEOUT, type, fieldPatterns);
    }

    public SipeEvent expect(Duration timeout, String type, String... fieldPatterns) {
        return expect(timeout, e -> e.matches(type, fieldPatterns), describe(type, fieldPatterns));
    }

    /** The first not yet expected event that satisfies the condition, waiting up to the timeout. */
    public synchronized SipeEvent expect(Duration timeout, Predicate<SipeEvent> condition, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = 0; i < events.size(); i++) {
                if (!consumed.get(i) && condition.test(events.get(i))) {
                    consumed.set(i, true);
                    return events.get(i);
                }
            }
            checkAlive(description);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw failure("timed out after " + timeout.toMillis() + " ms waiting for " + description);
            }
            waitFor(left);
        }
    }

    /** Waits until at least {@code count} received events (expected or not) match; returns all matching. */
    public synchronized List<SipeEvent> awaitEvents(Duration timeout, int count, String type, String... fieldPatterns) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SipeEvent> matching = all(type, fieldPatterns);
            if (matching.size() >= count) {
                return matching;
            }
            checkAlive(count + " x " + describe(type, fieldPatterns));
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw failure("timed out after " + timeout.toMillis() + " ms waiting for " + count + " x "
                        + describe(type, fieldPatterns) + " (have " + matching.size() + ")");
            }
            waitFor(left);
        }
    }

    /** Every received event (expected or not) that matches, in arrival order. */
    public synchronized List<SipeEvent> all(String type, String... fieldPatterns) {
        return events.stream().filter(e -> e.matches(type, fieldPatterns)).toList();
    }

    public int count(String type, String... fieldPatterns) {
        return all(type, fieldPatterns).size();
    }

    /** Fails if a matching event arrives (or has arrived) within the window. */
    public void expectNone(Duration window, String type, String... fieldPatterns) {
        sleep(window.toMillis());
        List<SipeEvent> found = all(type, fieldPatterns);
        if (!found.isEmpty()) {
            throw failure("expected no " + describe(type, fieldPatterns) + " but got " + found);
        }
    }

    /** All events received so far. */
    public synchronized List<SipeEvent> events() {
        return List.copyOf(events);
    }

    private synchronized int indexOf(SipeEvent event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == event) {
                return i;
            }
        }
        return -1;
    }

    private void checkAlive(String description) {
        if (!description.startsWith(SipeEvent.CONN_ERROR)) {
            for (SipeEvent e : events) {
                if (e.type().equals(SipeEvent.CONN_ERROR)) {
                    throw failure("connection error while waiting for " + description + ": " + e);
                }
            }
        }
        for (SipeEvent e : events) {
            if (e.type().equals(SipeEvent.REQUEST)) {
                throw failure("libpurple asks the user (a certificate it cannot verify?) while waiting for "
                        + description + ": " + e);
            }
        }
        if (ended) {
            throw failure("sipe-driver ended while waiting for " + description
                    + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")"));
        }
    }

    private void waitFor(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    private static String describe(String type, String... fieldPatterns) {
        return type + (fieldPatterns.length == 0 ? "" : " " + String.join(" | ", fieldPatterns));
    }

    /** An AssertionError with the latest events and the tail of SIPE's debug log. */
    public AssertionError failure(String message) {
        List<SipeEvent> seen = events();
        StringBuilder text = new StringBuilder("[" + name + "] " + message);
        text.append("\n  latest events of ").append(name).append(" (").append(seen.size()).append(" in all):");
        seen.subList(Math.max(0, seen.size() - 25), seen.size()).forEach(e -> text.append("\n    ").append(e));
        text.append("\n  SIPE log: ").append(log.toAbsolutePath()).append(", last lines:");
        tail(log, 40).forEach(l -> text.append("\n    ").append(l));
        note("FAIL " + message);
        return new AssertionError(text.toString());
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(" + e + ")");
        }
    }

    // ---- process ----

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                SipeEvent event = SipeEvent.parse(line);
                note(">> " + line);
                synchronized (this) {
                    events.add(event);
                    consumed.add(false);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            note("stdout: " + e);
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void note(String text) {
        try {
            Files.writeString(transcript, LocalTime.now() + " " + text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the transcript is a convenience
        }
    }

    /** Signs out (quit: SIPE sends BYE and de-registers) and ends the driver; kills it if it hangs. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    stdin.write("quit\n");
                    stdin.flush();
                    note("<< quit");
                } catch (IOException e) {
                    // already gone
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    note("quit: no exit after 10 s, killing");
                    process.destroy();
                    if (!process.waitFor(3, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                    }
                }
            }
            reader.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            deleteTree(home);
        }
    }

    private static Path freeName(Path dir, String base, String suffix) {
        Path candidate = dir.resolve(base + suffix);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + suffix);
        }
        return candidate;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes several clients, all of them even if one fails. */
    public static void closeAll(List<SipeClient> clients) {
        for (SipeClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
    }
}
