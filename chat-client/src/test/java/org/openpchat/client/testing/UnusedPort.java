package org.openpchat.client.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A port nobody listens on, for tests of what a client does when its server is unreachable. */
public final class UnusedPort {

    private UnusedPort() {
    }

    /**
     * A free port of {@code host} below the range the system hands out for port 0. A client binds
     * port 0 for its own listener, so a free port from that range (one just closed) could become
     * the client's own, and its request would reach itself instead of failing.
     */
    public static int on(String host) throws IOException {
        int firstEphemeral = 32768;
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(range)) {
            // readString gets one byte of this zero-sized /proc file on JDK 17; lines read it whole
            firstEphemeral = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
        }
        for (int port = firstEphemeral - 1; port > 1024; port--) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
                return port;
            } catch (BindException taken) {
                // the next one down
            }
        }
        throw new IllegalStateException("no free port below " + firstEphemeral + " on " + host);
    }
}
