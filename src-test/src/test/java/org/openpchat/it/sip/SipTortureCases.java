package org.openpchat.it.sip;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The messages of {@link SipTortureIT}, after the categories of RFC 4475 ("SIP Torture Test
 * Messages"): odd but valid messages the server must understand, and broken ones it must refuse
 * without harm. Each is an OPTIONS to the server (or another request) edited by the case. A
 * message is text in which every character is one byte (ISO-8859-1), so that a case can carry
 * NUL bytes and invalid UTF-8; {T}, {PORT} and {ID} are the transport, the client's port and a
 * fresh id for the Via branch, tags and Call-ID.
 */
final class SipTortureCases {

    /** What the server must do with a message. */
    enum Outcome {
        /** A 2xx: the message is valid, if odd (or JAIN-SIP reads it so, as a comment says). */
        ACCEPTED,
        /** A 4xx. */
        REFUSED,
        /**
         * No answer: what JAIN-SIP 1.3.0-91 drops before the container sees it (a request without
         * Call-ID, From, To, CSeq or Via, docs/security.md; a stray response) and, over TCP, a
         * message the stack cannot frame: it closes the connection on a start line or mandatory
         * header it cannot read, and waits for the rest of a message that never ends.
         */
        DROPPED
    }

    /** A case and what it must get over UDP and over TCP (null: not sent over that transport). */
    record Case(String name, Outcome udp, Outcome tcp, UnaryOperator<String> edit) {

        String message() {
            return edit.apply(OPTIONS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String OPTIONS = String.join("\r\n",
            "OPTIONS sip:pchat@example.com SIP/2.0",
            "Via: SIP/2.0/{T} 127.0.0.1:{PORT};branch=z9hG4bK{ID}",
            "From: <sip:torture@example.com>;tag=f{ID}",
            "To: <sip:pchat@example.com>",
            "Call-ID: {ID}",
            "CSeq: 1 OPTIONS",
            "Max-Forwards: 70",
            "Content-Length: 0",
            "", "");

    private static final String BODY_200 = "x".repeat(200);
    private static final String CONTACT = "Contact: <sip:torture@127.0.0.1:{PORT}>";

    private SipTortureCases() {
    }

    static List<Case> all() {
        return List.of(
                // ------------------------------------------------ odd but valid (RFC 4475 3.1.1)
                both("compact header names", Outcome.ACCEPTED, m -> m.replace("Via:", "v:").replace("From:", "f:")
                        .replace("To:", "t:").replace("Call-ID:", "i:").replace("Content-Length:", "l:")),
                both("header names in any case and spaces before the colon", Outcome.ACCEPTED,
                        m -> m.replace("Call-ID:", "cALL-iD :").replace("CSeq:", "CSEQ  :")
                                .replace("Max-Forwards:", "max-forwards:")),
                both("headers folded over several lines (wsinv)", Outcome.ACCEPTED,
                        m -> m.replace("Via: SIP/2.0/{T} ", "Via: SIP/2.0/{T}\r\n    ")
                                .replace("To: <sip:pchat@example.com>", "To:\r\n\t<sip:pchat@example.com>")),
                both("escaped characters in the Request-URI (esc01)", Outcome.ACCEPTED,
                        m -> m.replace("OPTIONS sip:pchat@", "OPTIONS sip:%70ch%61t@")),
                both("an unknown header full of punctuation", Outcome.ACCEPTED,
                        m -> header(m, "X-Torture: !\"#$%&'()*+,-./;<=>?@[\\]^_`{|}~ \u00c3\u00bc")),
                both("a body with an unknown Content-Type", Outcome.ACCEPTED,
                        m -> withBody(m, "application/x-torture", BODY_200)),

                // ------------------------------------------------ Content-Length (RFC 4475 3.1.2.x)
                // over TCP the stack waits for the rest of the body, or closes the connection on a
                // Content-Length it cannot read: the message cannot be framed, so nothing answers it
                split("Content-Length above the body (clerr)", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("Content-Length: 0", "Content-Length: 300")),
                split("negative Content-Length (ncl)", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("Content-Length: 0", "Content-Length: -999")),
                split("Content-Length not a number", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("Content-Length: 0", "Content-Length: none")),
                split("Content-Length above 2^63", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("Content-Length: 0", "Content-Length: 99999999999999999999999")),
                split("two different Content-Lengths (mcl01)", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("Content-Length: 0", "Content-Length: 0\r\nContent-Length: 5")),

                // ------------------------------------------------ mandatory headers (RFC 3261 8.1.1)
                both("no Call-ID", Outcome.DROPPED, m -> without(m, "Call-ID")),
                both("no From", Outcome.DROPPED, m -> without(m, "From")),
                both("no To", Outcome.DROPPED, m -> without(m, "To")),
                both("no CSeq", Outcome.DROPPED, m -> without(m, "CSeq")),
                both("no Via", Outcome.DROPPED, m -> without(m, "Via")),
                both("no Max-Forwards", Outcome.REFUSED, m -> without(m, "Max-Forwards")),
                both("INVITE without Contact", Outcome.REFUSED, m -> as(m, "INVITE")),
                // RFC 2543 clients send no From tag: such a request is served
                both("no From tag", Outcome.ACCEPTED, m -> m.replace(";tag=f{ID}", "")),
                both("INVITE without From tag", Outcome.REFUSED,
                        m -> header(as(m, "INVITE"), CONTACT).replace(";tag=f{ID}", "")),
                both("BYE with a To tag and no From tag", Outcome.REFUSED,
                        m -> as(m, "BYE").replace(";tag=f{ID}", "").replace("<sip:pchat@example.com>",
                                "<sip:pchat@example.com>;tag=t{ID}")),

                // ------------------------------------------------ CSeq and other scalars (scalar02, ...)
                // over TCP the stack closes the connection on a mandatory header it cannot read
                split("negative CSeq", Outcome.REFUSED, Outcome.DROPPED, m -> m.replace("CSeq: 1 ", "CSeq: -1 ")),
                split("CSeq above 2^32 (scalar02)", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("CSeq: 1 ", "CSeq: 36893488147419103232 ")),
                both("CSeq method other than the request's (mismatch01)", Outcome.REFUSED,
                        m -> m.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE")),
                both("Max-Forwards above 255", Outcome.REFUSED,
                        m -> m.replace("Max-Forwards: 70", "Max-Forwards: 300")),
                both("REGISTER with an Expires that is not a number", Outcome.REFUSED,
                        m -> header(as(m, "REGISTER"), CONTACT + "\r\nExpires: soon")),

                // ------------------------------------------------ Via
                split("Via without a host", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("Via: SIP/2.0/{T} 127.0.0.1:{PORT};", "Via: SIP/2.0/{T} ;")),
                // over UDP the answer goes to the Via's port, which no socket has
                split("Via with a port above 65535", Outcome.DROPPED, Outcome.REFUSED,
                        m -> m.replace("127.0.0.1:{PORT};", "127.0.0.1:999999;")),

                // ------------------------------------------------ start line and methods
                both("an unknown method (unkm)", Outcome.REFUSED,
                        m -> m.replace("OPTIONS", "NEWMETHOD")),
                both("a method in lower case", Outcome.REFUSED, m -> m.replace("OPTIONS", "options")),
                // RFC 4475 wants 505; JAIN-SIP 1.3.0-91 reads any version as SIP/2.0 (its parser makes
                // the "Expecting SIP/2.0" error but never throws it), so no listener can tell
                both("SIP version 7.0 (badvers)", Outcome.ACCEPTED,
                        m -> m.replace("example.com SIP/2.0", "example.com SIP/7.0")),
                split("no SIP version in the start line", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("example.com SIP/2.0", "example.com")),
                both("CANCEL of nothing", Outcome.REFUSED, m -> as(m, "CANCEL")),
                both("a stray response", Outcome.DROPPED,
                        m -> m.replace("OPTIONS sip:pchat@example.com SIP/2.0", "SIP/2.0 200 OK")),

                // ------------------------------------------------ URIs
                both("a Request-URI of another scheme (unksm)", Outcome.REFUSED,
                        m -> m.replace("OPTIONS sip:pchat@example.com", "OPTIONS http://example.com/pchat")),
                split("a Request-URI with two ports", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("sip:pchat@example.com ", "sip:pchat@example.com:5060:5060 ")),
                split("a From URI that is not one", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("<sip:torture@example.com>", "<sip:@:>")),
                both("INVITE with a Contact that is no URI", Outcome.REFUSED,
                        m -> header(as(m, "INVITE"), "Contact: <sip:torture@[::1>")),

                // ------------------------------------------------ bytes that do not belong
                both("a NUL byte in a header value", Outcome.REFUSED,
                        m -> m.replace("Call-ID: {ID}", "Call-ID: {ID}\u0000x")),
                split("a NUL byte in the start line", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("OPTIONS sip:", "OPT\u0000IONS sip:")),
                both("invalid UTF-8 in a display name", Outcome.ACCEPTED,
                        m -> m.replace("<sip:torture@example.com>", "\"\u00ff\u00fe\u00c3\" <sip:torture@example.com>")),
                split("invalid UTF-8 in the Request-URI", Outcome.REFUSED, Outcome.DROPPED,
                        m -> m.replace("sip:pchat@", "sip:p\u00ff\u00c3chat@")),

                // ------------------------------------------------ size and truncation
                both("five thousand headers", Outcome.ACCEPTED,
                        m -> header(m, "X-Many: 1\r\n".repeat(5_000).strip())),
                both("a 60,000-byte body", Outcome.ACCEPTED, m -> withBody(m, "text/plain", "x".repeat(60_000))),
                // the stack closes the connection (no datagram is that large)
                split("a body above the 256 KiB message limit", null, Outcome.DROPPED,
                        m -> withBody(m, "text/plain", "x".repeat(300_000))),
                split("cut off in the middle of a header", Outcome.DROPPED, Outcome.DROPPED,
                        m -> m.substring(0, m.indexOf("CSeq: 1 O") + 8)),
                // a datagram ends the message; over TCP the stack waits for the empty line
                split("headers without the empty line", Outcome.ACCEPTED, Outcome.DROPPED,
                        m -> m.substring(0, m.length() - 2)));
    }

    private static Case both(String name, Outcome outcome, UnaryOperator<String> edit) {
        return new Case(name, outcome, outcome, edit);
    }

    private static Case split(String name, Outcome udp, Outcome tcp, UnaryOperator<String> edit) {
        return new Case(name, udp, tcp, edit);
    }

    /** The same request with another method (start line and CSeq). */
    private static String as(String message, String method) {
        return message.replace("OPTIONS", method);
    }

    private static String without(String message, String header) {
        return message.replaceFirst("(?m)^" + header + ":[^\r]*\r\n", "");
    }

    private static String header(String message, String line) {
        return message.replace("Content-Length: 0\r\n", line + "\r\nContent-Length: 0\r\n");
    }

    private static String withBody(String message, String type, String body) {
        return message.replace("Content-Length: 0\r\n\r\n", "Content-Type: " + type + "\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
    }
}
