package org.openpchat.it.sip;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Hand-written SIP over plain sockets, for what a SIP stack would refuse to send. */
final class RawSip {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5060;

    private RawSip() {
    }

    static String options(String transport, int localPort, String extra) {
        return request("OPTIONS", transport, localPort, "z9hG4bK" + UUID.randomUUID(), UUID.randomUUID().toString(),
                extra);
    }

    static String request(String method, String transport, int localPort, String branch, String callId,
            String extra) {
        return method + " sip:echo@" + HOST + ":" + PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + HOST + ":" + localPort + ";branch=" + branch + "\r\n"
                + "From: <sip:tester@example.com>;tag=" + callId.substring(0, 8) + "\r\n"
                + "To: <sip:echo@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    static String udp(String message) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            socket.setSoTimeout(3000);
            String text = message.replace("LOCALPORT", Integer.toString(socket.getLocalPort()));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(HOST), PORT));
            byte[] buffer = new byte[65536];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        }
    }

    static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    static String body(String message) {
        int end = message.indexOf("\r\n\r\n");
        return end < 0 ? "" : message.substring(end + 4);
    }

    static int contentLength(String head) {
        String value = header(head, "Content-Length");
        if (value == null) {
            value = header(head, "l");
        }
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** An open TCP connection to the server that reads one response at a time. */
    static final class Tcp implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private boolean closedByServer;

        Tcp() throws IOException {
            this(0);
        }

        /** A connection from this local port (0: any); the port may be one a closed connection used. */
        Tcp(int localPort) throws IOException {
            this(localPort, 0);
        }

        /** With a receive buffer of this many bytes (0: the system's), as a slow reader's. */
        Tcp(int localPort, int receiveBuffer) throws IOException {
            socket = new Socket();
            socket.setReuseAddress(true);
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.bind(new java.net.InetSocketAddress(HOST, localPort));
            socket.connect(new java.net.InetSocketAddress(HOST, PORT), 10_000);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
        }

        /**
         * Whether the server closed the connection within {@code seconds}: once it has, what is
         * written to it is refused. Reads nothing, as a client that stopped reading.
         */
        boolean closedByServerWithin(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                try {
                    write("\r\n\r\n");
                } catch (IOException refused) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }

        /** Closes with a reset, as a dropped connection ends: the local port is free again at once. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        void write(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /** How long a read waits for the server (10 s unless set). */
        void timeout(int millis) throws SocketException {
            socket.setSoTimeout(millis);
        }

        /** The next message whole (start line, headers, body), or null on timeout or close. */
        String read() throws IOException {
            String head = readHead();
            if (head == null) {
                return null;
            }
            int length = contentLength(head);
            byte[] body = in.readNBytes(length);
            return head + new String(body, StandardCharsets.UTF_8);
        }

        /** The next message's start line and headers (its body is left unread), or null on timeout/close. */
        String readHead() throws IOException {
            StringBuilder head = new StringBuilder();
            try {
                int c;
                while ((c = in.read()) != -1) {
                    head.append((char) c);
                    if (head.toString().endsWith("\r\n\r\n")) {
                        String text = head.toString().stripLeading();
                        if (!text.isEmpty()) {
                            return text;
                        }
                        head.setLength(0);
                    }
                }
                closedByServer = true;
                return null;
            } catch (SocketTimeoutException e) {
                return null;
            } catch (SocketException reset) {
                closedByServer = true;
                return null;
            }
        }

        /** Whether a read ended because the server closed the connection (not by the timeout). */
        boolean closedByServer() {
            return closedByServer;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
