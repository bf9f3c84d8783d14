package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A client's dialog with a servlet (user {@code pchat} unless told) over one TCP connection, its SIP written by hand. */
final class TcpDialog {
    private final Socket socket;
    private final String user;
    private final String callId = UUID.randomUUID().toString();
    private String toTag;
    private int cseq = 1;

    private TcpDialog(Socket socket, String user) {
        this.socket = socket;
        this.user = user;
    }

    static TcpDialog open(Socket socket) throws IOException {
        return open(socket, "pchat");
    }

    /** INVITEs {@code sip:user@example.com} and ACKs its 200. */
    static TcpDialog open(Socket socket, String user) throws IOException {
        socket.setSoTimeout(5000);
        TcpDialog dialog = new TcpDialog(socket, user);
        dialog.write(dialog.request("INVITE", 1, null, ""));
        String ok = dialog.awaitResponse();
        assertThat(ok).startsWith("SIP/2.0 200");
        dialog.toTag = ok.replaceAll("(?s).*\r\nTo: [^\r]*;tag=([^;\r]+).*", "$1");
        dialog.write(dialog.request("ACK", 1, dialog.toTag, ""));
        return dialog;
    }

    void send(String method, String body) throws IOException {
        write(request(method, ++cseq, toTag, body));
    }

    String awaitResponse() throws IOException {
        return await("SIP/2.0");
    }

    /** The next request from the server, answered 200. */
    String awaitRequest() throws IOException {
        String request = nextRequest();
        answer(request);
        return request;
    }

    /** The next request from the server, not answered yet. */
    String nextRequest() throws IOException {
        return await("INFO");
    }

    void answer(String request) throws IOException {
        write("SIP/2.0 200 OK\r\n" + headers(request) + "Content-Length: 0\r\n\r\n");
    }

    private String await(String start) throws IOException {
        while (true) {
            String message = read();
            assertThat(message).as("a message starting " + start).isNotNull();
            if (message.startsWith(start) && !message.startsWith("SIP/2.0 1")) {
                return message;
            }
        }
    }

    private static String headers(String request) {
        StringBuilder kept = new StringBuilder();
        for (String line : request.split("\r\n")) {
            if (line.startsWith("Via:") || line.startsWith("From:") || line.startsWith("To:")
                    || line.startsWith("Call-ID:") || line.startsWith("CSeq:")) {
                kept.append(line).append("\r\n");
            }
        }
        return kept.toString();
    }

    private String request(String method, int number, String tag, String body) {
        return method + " sip:" + user + "@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                + "From: <sip:alice@example.com>;tag=" + callId.substring(0, 8) + "\r\n"
                + "To: <sip:" + user + "@example.com>" + (tag == null ? "" : ";tag=" + tag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + socket.getLocalPort() + ";transport=tcp>\r\n"
                + (body.isEmpty() ? "" : "Content-Type: text/plain\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private String read() throws IOException {
        return readMessage(socket.getInputStream());
    }

    /** Head and body of the next SIP message on a stream; null when none comes in time. */
    static String readMessage(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.toString().endsWith("\r\n\r\n") && !head.toString().isBlank()) {
                    String text = head.toString().stripLeading();
                    int length = Integer.parseInt(text.replaceAll("(?s).*\r\nContent-Length: (\\d+).*", "$1"));
                    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
