package org.openpchat.load.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.openpchat.load.net.HeadBytes;

/**
 * A request the server sent, read off its bytes instead of parsed into JAIN-SIP objects: its
 * method, its body, whether its To carries a tag, and the header lines a response copies (Via,
 * From, To, Call-ID, CSeq; RFC 3261 §8.2.6.2). A fan-out run answers tens of thousands of the
 * server's INFOs a second; a full parse and an encoded response object for each made the tool a
 * quarter of the machine it measures, the way sipp answers from templates for the same reason.
 */
final class ServerRequest {

    private static final byte[][] COPIED = HeadBytes.names("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq");
    private static final byte[][] TO = HeadBytes.names("to", "t");
    private static final byte[] STATUS_LINE = "SIP/2.0 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_BODY = "Content-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final byte[] message;
    private final String method;
    private final int bodyStart;
    private final byte[] copiedLines;
    private final boolean toTagged;

    private ServerRequest(byte[] message, String method, int bodyStart, byte[] copiedLines, boolean toTagged) {
        this.message = message;
        this.method = method;
        this.bodyStart = bodyStart;
        this.copiedLines = copiedLines;
        this.toTagged = toTagged;
    }

    /** The request in {@code message} (one whole message, as framed); null for a response or an unended head. */
    static ServerRequest read(byte[] message) {
        int lineEnd = lineEnd(message, 0);
        int space = indexOf(message, (byte) ' ', 0, lineEnd);
        if (lineEnd < 0 || space <= 0 || startsWith(message, "SIP/")) {
            return null;
        }
        ByteArrayOutputStream copied = new ByteArrayOutputStream(512);
        boolean copying = false;
        boolean toTagged = false;
        int start = lineEnd + 2;
        while (true) {
            int end = lineEnd(message, start);
            if (end < 0) {
                return null;
            }
            if (end == start) {
                return new ServerRequest(message, new String(message, 0, space, StandardCharsets.US_ASCII), end + 2,
                        copied.toByteArray(), toTagged);
            }
            boolean continuation = message[start] == ' ' || message[start] == '\t';
            if (!continuation) {
                int colon = indexOf(message, (byte) ':', start, end);
                int nameEnd = colon < 0 ? start : HeadBytes.nameEnd(message, start, colon);
                copying = HeadBytes.nameIsOneOf(message, start, nameEnd, COPIED);
                if (HeadBytes.nameIsOneOf(message, start, nameEnd, TO)) {
                    toTagged = hasTag(new String(message, colon + 1, end - colon - 1, StandardCharsets.UTF_8));
                }
            }
            if (copying) {
                copied.write(message, start, end + 2 - start);
            }
            start = end + 2;
        }
    }

    String method() {
        return method;
    }

    /** True if the To header has a tag: the request belongs to a dialog, and its 200 adds none. */
    boolean inDialog() {
        return toTagged;
    }

    String body() {
        return new String(message, bodyStart, message.length - bodyStart, StandardCharsets.UTF_8);
    }

    boolean hasBody() {
        return message.length > bodyStart;
    }

    /** The bytes of a {@code 200 OK} to this request, which must be {@link #inDialog() in a dialog}. */
    byte[] ok() {
        if (!toTagged) {
            throw new IllegalStateException("a response to a request outside a dialog needs a To tag of its own");
        }
        byte[] response = Arrays.copyOf(STATUS_LINE, STATUS_LINE.length + copiedLines.length + NO_BODY.length);
        System.arraycopy(copiedLines, 0, response, STATUS_LINE.length, copiedLines.length);
        System.arraycopy(NO_BODY, 0, response, STATUS_LINE.length + copiedLines.length, NO_BODY.length);
        return response;
    }

    /** Whether a To header's parameters (after the name-addr's {@code >}, if any) include {@code tag=}. */
    private static boolean hasTag(String value) {
        int closing = value.lastIndexOf('>');
        String parameters = (closing < 0 ? value : value.substring(closing + 1)).toLowerCase(Locale.ROOT);
        for (String parameter : parameters.split(";")) {
            if (parameter.trim().startsWith("tag=")) {
                return true;
            }
        }
        return false;
    }

    /** The index of the CR of the CRLF ending the line that starts at {@code from}; -1 if none. */
    private static int lineEnd(byte[] message, int from) {
        for (int i = from; i + 1 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] message, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (message[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] message, String prefix) {
        if (message.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (message[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
