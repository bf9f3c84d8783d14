package org.openpchat.it.sip;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.openpchat.client.xccos.DigestAuth;

/**
 * One demo user's requests to the chat server written by hand, to be sent over any connection:
 * REGISTER (with or without Digest), INVITE to the chat pool, INFO in that dialog. What a SIP
 * stack would not let a test do: send one user's requests over another user's socket.
 */
final class RawUser {

    static final String REGISTRAR = "sip:example.com";
    static final String POOL = "sip:pchat@example.com";

    private final String name;
    private final String user;
    private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
    private final String registerCallId = UUID.randomUUID().toString();
    private final String inviteCallId = UUID.randomUUID().toString();
    private String toTag;
    private int cseq;

    RawUser(String name) {
        this.name = name;
        this.user = name + "@example.com";
    }

    String register(String transport, int localPort, String credentials) {
        return request("REGISTER", REGISTRAR, transport, localPort, registerCallId, user, null,
                "Expires: 600\r\n" + (credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n"), "");
    }

    String invite(String transport, int localPort, String credentials) {
        return request("INVITE", POOL, transport, localPort, inviteCallId, "pchat", null,
                credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n", "");
    }

    String ack(int localPort) {
        return request("ACK", POOL, "TCP", localPort, inviteCallId, "pchat", toTag, "", "").replaceFirst(
                "CSeq: \\d+ ACK", "CSeq: " + cseq + " ACK");
    }

    String info(int localPort, String xccos) {
        return request("INFO", POOL, "TCP", localPort, inviteCallId, "pchat", toTag,
                "Content-Type: text/plain\r\n", xccos);
    }

    /** Remembers the dialog's To tag from the INVITE's 200. */
    void accepted(String response) {
        String to = RawSip.header(response, "To");
        toTag = to.substring(to.indexOf(";tag=") + 5);
    }

    /** The Proxy-Authorization answering a 407 the way SIPE does (qop=auth, nc=00000001). */
    String answer(String challenge, String method, String uri, String password) {
        Map<String, String> parameters = DigestAuth.parseChallenge(RawSip.header(challenge, "Proxy-Authenticate"));
        return DigestAuth.authorization(parameters, user, password, method, uri, DigestAuth.newCnonce());
    }

    /** An RFC 2069 answer: no qop, nc or cnonce, which RFC 7616 no longer allows. */
    String answerWithoutQop(String challenge, String method, String uri, String password) {
        Map<String, String> parameters = DigestAuth.parseChallenge(RawSip.header(challenge, "Proxy-Authenticate"));
        String nonce = parameters.get("nonce");
        return "Digest username=\"" + user + "\", realm=\"example.com\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + DigestAuth.response(user, "example.com", password, method, uri, nonce, null,
                        null, null) + "\"";
    }

    private String request(String method, String uri, String transport, int localPort, String callId, String to,
            String dialogTag, String extra, String body) {
        int number = method.equals("ACK") ? cseq : ++cseq;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + RawSip.HOST + ":" + localPort + ";branch=z9hG4bK"
                + UUID.randomUUID() + "\r\n"
                + "From: <sip:" + user + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + (to.contains("@") ? to : to + "@example.com") + ">"
                + (dialogTag == null ? "" : ";tag=" + dialogTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:" + name + "@" + RawSip.HOST + ":" + localPort + ";transport="
                + transport.toLowerCase() + ">\r\n"
                + extra
                + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n"
                + body;
    }

    /** Sends a request and returns its final response (provisional ones skipped), or null. */
    static String exchange(RawSip.Tcp tcp, String request) throws IOException {
        tcp.write(request);
        while (true) {
            String message = tcp.read();
            if (message == null || message.startsWith("SIP/2.0") && !message.startsWith("SIP/2.0 1")) {
                return message;
            }
            if (!message.startsWith("SIP/2.0")) {
                RawDialog.answer(tcp, message, "");
            }
        }
    }
}
