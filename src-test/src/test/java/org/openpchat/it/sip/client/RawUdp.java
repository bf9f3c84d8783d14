package org.openpchat.it.sip.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain UDP socket for robustness tests: send any datagram, read a reply with a timeout. */
public final class RawUdp implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress peer;

    private RawUdp(DatagramSocket socket, InetSocketAddress peer) {
        this.socket = socket;
        this.peer = peer;
    }

    static RawUdp open(String host, int port) {
        try {
            return new RawUdp(new DatagramSocket(new InetSocketAddress(SipStacks.HOST, 0)),
                    new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local port, e.g. for the Via sent-by of a hand-written request. */
    public int localPort() {
        return socket.getLocalPort();
    }

    public RawUdp send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawUdp send(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, peer));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram as text, or null if none arrives within {@code timeout}. */
    public String receive(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            byte[] buf = new byte[65_535];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
