package org.openpchat.it.sip;

import java.io.IOException;
import java.util.UUID;

/**
 * A dialog with the echo servlet written by hand over TCP, the way SIPE writes it: in-dialog
 * requests (the INVITE included) carry no Via branch, and the server's own requests must come
 * back over this connection.
 */
final class RawDialog {

    private final RawSip.Tcp tcp;
    private final java.util.Deque<String> pending = new java.util.ArrayDeque<>();
    private final String callId = UUID.randomUUID().toString();
    private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
    private String toTag;
    private String target = "sip:echo@example.com";
    private int cseq;

    private RawDialog(RawSip.Tcp tcp) {
        this.tcp = tcp;
    }

    /** INVITE, its final response, and the ACK; returns the dialog if it was accepted. */
    static RawDialog invite(RawSip.Tcp tcp) throws IOException {
        RawDialog dialog = new RawDialog(tcp);
        String response = dialog.send("INVITE", null, false);
        if (!response.startsWith("SIP/2.0 200")) {
            throw new IllegalStateException("INVITE refused: " + response);
        }
        String to = RawSip.header(response, "To");
        dialog.toTag = to.substring(to.indexOf(";tag=") + 5);
        String contact = RawSip.header(response, "Contact");
        // like SIPE: everything after the INVITE, the ACK included, goes to the 200's Contact
        dialog.target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        dialog.tcp.write(dialog.request("ACK", dialog.cseq, null, false));
        return dialog;
    }

    /** A dialog the server never saw (for 481). */
    static RawDialog forged(RawSip.Tcp tcp) {
        RawDialog dialog = new RawDialog(tcp);
        dialog.toTag = "no-such-tag";
        return dialog;
    }

    /** Sends an in-dialog request and returns its final response. */
    String send(String method, String body, boolean withBranch) throws IOException {
        tcp.write(request(method, ++cseq, body, withBranch));
        while (true) {
            String message = tcp.read();
            if (message == null) {
                throw new IllegalStateException("no final response to " + method);
            }
            if (message.startsWith("SIP/2.0 1")) {
                continue;
            }
            if (message.startsWith("SIP/2.0")) {
                return message;
            }
            if (!message.startsWith("INVITE ")) {
                answer(message);
            }
            pending.add(message);
        }
    }

    /** Waits for a request from the server on this connection and answers it 200. */
    String awaitRequest() throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        String message = tcp.read();
        if (message == null || message.startsWith("SIP/2.0")) {
            throw new IllegalStateException("expected a request from the server, got: " + message);
        }
        answer(message);
        return message;
    }

    /** The next message from the server, unanswered (INVITEs that came early are kept for this). */
    String next() throws IOException {
        return pending.isEmpty() ? tcp.read() : pending.poll();
    }

    private void answer(String request) throws IOException {
        answer(tcp, request, "");
    }

    /** Answers a request from the server 200; {@code toTag} is added when not empty (dialog-creating requests). */
    static void answer(RawSip.Tcp tcp, String request, String toTag) throws IOException {
        if (request.startsWith("ACK ")) {
            return;
        }
        tcp.write("SIP/2.0 200 OK\r\n"
                + "Via: " + RawSip.header(request, "Via") + "\r\n"
                + "From: " + RawSip.header(request, "From") + "\r\n"
                + "To: " + RawSip.header(request, "To") + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\r\n"
                + (toTag.isEmpty() ? "" : "Contact: <sip:alice@127.0.0.1:" + tcp.localPort() + ";transport=tcp>\r\n")
                + "Call-ID: " + RawSip.header(request, "Call-ID") + "\r\n"
                + "CSeq: " + RawSip.header(request, "CSeq") + "\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    private String request(String method, int number, String body, boolean withBranch) {
        String content = body == null ? "" : body;
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP " + RawSip.HOST + ":" + tcp.localPort()
                + (withBranch ? ";branch=z9hG4bK" + UUID.randomUUID() : "") + "\r\n"
                + "From: <sip:alice@example.com>;tag=" + fromTag + "\r\n"
                + "To: <sip:echo@example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                // like a client behind NAT: its Contact leads nowhere, only its connection does
                + "Contact: <sip:alice@127.0.0.2:5999;transport=tcp>\r\n"
                + (body == null ? "" : "Content-Type: text/plain\r\n")
                + "Content-Length: " + content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n"
                + content;
    }
}
