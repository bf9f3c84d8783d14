package org.openpchat.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The server under test and the load users: options every scenario shares. */
public final class Target {

    /** Connections per local address: below the server's default limit per address (1,000). */
    static final int CONNECTIONS_PER_ADDRESS = 900;

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5060",
            description = "The server's SIP over TCP address (default ${DEFAULT-VALUE}).")
    String server;

    @Mixin
    LoadUsers users;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The load users' password (first line). Default: the environment variable PCHAT_LOAD_PASSWORD.")
    Path passwordFile;

    @Option(names = "--local-addresses", paramLabel = "ADDRESS", split = ",",
            description = "Local addresses to connect from, " + CONNECTIONS_PER_ADDRESS + " connections each."
                    + " Default: 127.0.0.2, 127.0.0.3, ... for a server on loopback, else the system's choice.")
    List<String> localAddresses;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "2",
            description = "Threads serving the connections (default ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "50",
            description = "Sign-ins and joins in flight at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--server-pid", paramLabel = "PID", split = ",",
            description = "The server's process on this machine (GlassFish; a pool's nodes separated by commas):"
                    + " its CPU time and memory are reported, summed over the processes.")
    List<Long> serverPids;

    String userName(int number) {
        return users.name(number);
    }

    InetSocketAddress serverAddress() {
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--server must be HOST:PORT: " + server);
        }
        return new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
    }

    /** Where the {@code index}th connection comes from. */
    InetSocketAddress localAddress(int index) {
        int slot = index / CONNECTIONS_PER_ADDRESS;
        if (localAddresses != null && !localAddresses.isEmpty()) {
            return new InetSocketAddress(localAddresses.get(slot % localAddresses.size()), 0);
        }
        InetAddress remote = serverAddress().getAddress();
        if (remote != null && remote.isLoopbackAddress() && remote.getAddress().length == 4) {
            return new InetSocketAddress("127.0.0." + (2 + slot % 250), 0);
        }
        return new InetSocketAddress(0);
    }

    String password() {
        try {
            if (passwordFile != null) {
                return Files.readAllLines(passwordFile).stream().findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(passwordFile + " is empty"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fromEnvironment = System.getenv("PCHAT_LOAD_PASSWORD");
        if (fromEnvironment == null || fromEnvironment.isEmpty()) {
            throw new IllegalArgumentException("no password for the load users: --password-file or PCHAT_LOAD_PASSWORD");
        }
        return fromEnvironment;
    }
}
