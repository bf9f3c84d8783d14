package org.openpchat.it.sip.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain TCP socket for robustness tests: write any bytes (malformed SIP, bare CRLF keep-alives),
 * read what comes back with a timeout, check whether the peer has closed the connection.
 */
public final class RawTcp implements AutoCloseable {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)\\s*:\\s*(\\d+)\\s*$");

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean eof;

    private RawTcp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawTcp connect(String host, int port) {
        try {
            Socket s = new Socket(host, port);
            s.setTcpNoDelay(true);
            return new RawTcp(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** Wraps an accepted socket, e.g. to play a hand-written server in a test. */
    public static RawTcp wrap(Socket accepted) {
        try {
            return new RawTcp(accepted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public RawTcp write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawTcp write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything that arrives until nothing more comes for {@code quiet} (or EOF). */
    public synchronized String readAvailable(Duration quiet) {
        while (fill(quiet)) {
            // keep reading
        }
        return take(buffer.size());
    }

    /**
     * The next complete SIP message (leading CRLFs skipped; body by Content-Length), or null if
     * none is complete within {@code timeout}.
     */
    public synchronized String readMessage(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = buffer.toString(StandardCharsets.ISO_8859_1); // one char per byte
            String trimmed = s.replaceFirst("^(\r\n)+", "");
            int skipped = s.length() - trimmed.length();
            int end = trimmed.indexOf("\r\n\r\n");
            if (end >= 0) {
                Matcher m = CONTENT_LENGTH.matcher(trimmed.substring(0, end));
                int total = end + 4 + (m.find() ? Integer.parseInt(m.group(1)) : 0);
                if (trimmed.length() >= total) {
                    take(skipped);
                    return take(total);
                }
            }
            long left = deadline - System.nanoTime();
            if (eof || left <= 0) {
                return null;
            }
            fill(Duration.ofNanos(left));
        }
    }

    /**
     * True if the peer has not closed the connection: waits up to {@code wait} for EOF. Bytes that
     * arrive meanwhile are kept for the next read.
     */
    public synchronized boolean isOpen(Duration wait) {
        if (!eof && !socket.isClosed()) {
            fill(wait);
        }
        return !eof && !socket.isClosed();
    }

    /** Reads once; false on timeout or EOF. */
    private boolean fill(Duration timeout) {
        if (eof) {
            return false;
        }
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            byte[] chunk = new byte[8192];
            int n = in.read(chunk);
            if (n < 0) {
                eof = true;
                return false;
            }
            buffer.write(chunk, 0, n);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            eof = true; // reset by peer counts as closed
            return false;
        }
    }

    private String take(int bytes) {
        byte[] all = buffer.toByteArray();
        int n = Math.min(bytes, all.length);
        buffer.reset();
        buffer.write(all, n, all.length - n);
        return new String(all, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "RawTcp[" + socket.getLocalPort() + " -> " + socket.getRemoteSocketAddress() + "]";
    }
}
