package org.openpchat.it.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A pool of two nodes behind HAProxy, run by the project's own {@code server-config/bin/run-pool.sh 2}
 * on ports, broker addresses and PostgreSQL databases of its own (system properties pool.*, set
 * by the pom), so it never meets the single servers of the other integration tests. The databases
 * are made anew; the script's output goes to {@code <pool.home>/run-pool.out}.
 */
final class LocalPool implements AutoCloseable {

    static final int NODES = 2;
    private static final Duration START_LIMIT = Duration.ofMinutes(Long.getLong("pool.start.minutes", 20));
    private static final String UP_BANNER = "Persistent Chat pool of " + NODES + " node(s) is up";

    private final Path script;
    private final Path home;
    private final Path output;
    private final int portBase;
    private final int sipFront;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    /**
     * -Dit.test=PoolIT also reaches the single-server executions of src-test, which set up no pool:
     * there the pool's tests do not run (they run in the it-pool execution, which sets pool.*).
     */
    static void assumePoolExecution() {
        Assumptions.assumeTrue(System.getProperty("pool.script") != null,
                "the pool's tests run in src-test's it-pool execution, which sets pool.*");
    }

    private LocalPool() {
        script = Path.of(required("pool.script")).toAbsolutePath();
        home = Path.of(required("pool.home")).toAbsolutePath();
        output = home.resolve("run-pool.out");
        portBase = Integer.parseInt(required("pool.portbase"));
        sipFront = Integer.parseInt(required("pool.sip.port"));
        environment.put("PCHAT_POOL_HOME", home.toString());
        environment.put("PCHAT_POOL_PORTBASE", Integer.toString(portBase));
        environment.put("PCHAT_POOL_SIP_PORT", Integer.toString(sipFront));
        environment.put("PCHAT_POOL_MQ_NET", required("pool.mq.net"));
        environment.put("PCHAT_PG_DB_MGC", required("pool.db.mgc"));
        environment.put("PCHAT_PG_DB_MGCCOMP", required("pool.db.mgccomp"));
        environment.put("PCHAT_PG_PASSWORD", required("pool.pg.password"));
        environment.put("PCHAT_POOL_FRESH_DATABASES", "true");
        environment.put("PCHAT_POOL_BUILD", "false"); // Maven built the EAR before the integration tests
    }

    /** Starts the pool and returns once the script says it is up (both nodes answer, HAProxy sees them). */
    static LocalPool start() throws IOException, InterruptedException {
        assumePoolExecution();
        LocalPool pool = new LocalPool();
        pool.launch();
        return pool;
    }

    private void launch() throws IOException, InterruptedException {
        stopLeftovers();
        deleteTree(home); // a new pool: new domains, keys, compliance output
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), Integer.toString(NODES))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.readString(output).contains(UP_BANNER)) {
            if (!process.isAlive()) {
                throw new AssertionError("run-pool.sh ended with " + process.exitValue() + " before the pool was up:\n"
                        + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool was not up within " + START_LIMIT.toMinutes() + " min:\n" + tail());
            }
            Thread.sleep(1000);
        }
    }

    /** The front's SIP over TLS address (HAProxy, passing TLS through to a node). */
    String tlsFront() {
        return "127.0.0.1:" + (sipFront + 1);
    }

    /** The CA of the pool's SIP certificate, one for every node. */
    Path sipCa() {
        return home.resolve("shared/sip-tls/config/pchat-sip-ca.pem");
    }

    /** Where the pool's compliance export writes its Lync XML files. */
    Path complianceDirectory() {
        return home.resolve("compliance");
    }

    /** HAProxy's current TLS sessions per node (its statistics page as CSV): where the front put the clients. */
    Map<Integer, Integer> tlsSessionsPerNode() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + (portBase + 90) + "/;csv")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<Integer, Integer> sessions = new HashMap<>();
        for (String line : csv.body().split("\n")) {
            String[] fields = line.split(",", -1);
            // pxname, svname, qcur, qmax, scur, ...
            if (fields.length > 4 && fields[0].equals("nodes_sip_tls") && fields[1].startsWith("node")) {
                sessions.put(Integer.parseInt(fields[1].substring(4)), Integer.parseInt(fields[4]));
            }
        }
        return sessions;
    }

    /** Kills node I's GlassFish with SIGKILL, as a crash would; returns when the process is gone. */
    void kill(int node) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(domain(node).resolve("config/pid")).trim());
        ProcessHandle jvm = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("node" + node + "'s GlassFish (pid " + pid + ") is not running"));
        jvm.destroyForcibly(); // SIGKILL on Linux
        jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    Path domain(int node) {
        return home.resolve("glassfish7/glassfish/domains/node" + node);
    }

    /** The script's output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Stops HAProxy and the nodes (the script's own Ctrl-C path), then anything left. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        stopLeftovers();
    }

    private void stopLeftovers() throws IOException, InterruptedException {
        if (Files.isDirectory(home.resolve("glassfish7"))) {
            ProcessBuilder stop = new ProcessBuilder("bash", script.toString(), "--stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("stop.out").toFile()));
            stop.environment().putAll(environment);
            if (!stop.start().waitFor(5, TimeUnit.MINUTES)) {
                throw new AssertionError("run-pool.sh --stop did not end within 5 min");
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + property + " is not set (src-test's pom sets it)");
        }
        return value;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the earlier pool's " + path, e);
                }
            }
        }
    }
}
