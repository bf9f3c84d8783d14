package org.openpchat.it.deployment;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sockets a process listens on (TCP) or is bound to (UDP), read from Linux's /proc: the
 * process's open sockets (/proc/PID/fd) matched with the kernel's tables (/proc/net/tcp, tcp6,
 * udp, udp6).
 */
record ListeningSockets(List<Bound> sockets) {

    /** One socket: protocol, local address and port. */
    record Bound(String protocol, InetAddress address, int port) {

        /** Java turns IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) into IPv4 ones. */
        boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return protocol + " " + address.getHostAddress() + ":" + port;
        }
    }

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    static ListeningSockets of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listed
                }
            }
        }
        List<Bound> sockets = new ArrayList<>();
        read("tcp", "/proc/net/tcp", TCP_LISTEN, inodes, sockets);
        read("tcp", "/proc/net/tcp6", TCP_LISTEN, inodes, sockets);
        read("udp", "/proc/net/udp", UDP_UNCONNECTED, inodes, sockets);
        read("udp", "/proc/net/udp6", UDP_UNCONNECTED, inodes, sockets);
        return new ListeningSockets(sockets);
    }

    private static void read(String protocol, String table, String state, Set<String> inodes, List<Bound> into)
            throws IOException {
        Path file = Path.of(table);
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (f.length > 9 && f[3].equals(state) && inodes.contains(f[9])) {
                String[] local = f[1].split(":");
                into.add(new Bound(protocol, address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
    }

    /** The kernel writes addresses as 32-bit words in host (little-endian) byte order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (3 - i)) * 2;
                bytes[word * 4 + i] = (byte) new BigInteger(hex.substring(at, at + 2), 16).intValue();
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    List<Bound> notLoopback() {
        return sockets.stream().filter(s -> !s.loopback()).toList();
    }

    boolean listensOn(int port) {
        return sockets.stream().anyMatch(s -> s.protocol().equals("tcp") && s.port() == port);
    }
}
