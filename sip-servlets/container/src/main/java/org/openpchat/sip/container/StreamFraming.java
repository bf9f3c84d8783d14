package org.openpchat.sip.container;

import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.parser.SIPMessageListener;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the bytes of one TCP or TLS connection into SIP messages (RFC 3261 §18.3) and hands each to
 * JAIN-SIP's parser on the stack's executor, as JAIN-SIP's own NIO framing does, but with what
 * that framing gets wrong for a server that anyone may connect to:
 * <ul>
 * <li>header names as RFC 3261 §7.3.1 allows them: compact forms ({@code l:}, {@code i:}), any
 * case, white space before the colon, values folded over lines (JAIN-SIP missed a compact
 * Call-ID and closed the connection);
 * <li>a Content-Length above the size limit is refused before anything is allocated (JAIN-SIP
 * allocated the announced body first: two gigabytes for {@code Content-Length: 2000000000});
 * <li>a Content-Length that is not one number, or two different ones, ends the connection: the
 * stream can no longer be framed.
 * </ul>
 * Between messages, a double CRLF is a keep-alive ping and is answered with a single CRLF
 * (RFC 5626 §4.4.1); a lone CRLF is skipped.
 */
final class StreamFraming extends NioPipelineParser {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final SIPTransactionStack stack;
    private final SIPMessageListener connection;
    private final int maxMessageSize;
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;
    /** Where the search for the end of the headers goes on from. */
    private int scanned;
    private boolean lineBreakBefore;

    StreamFraming(SIPTransactionStack stack, SIPMessageListener connection, int maxMessageSize) {
        super(stack, connection, maxMessageSize);
        this.stack = stack;
        this.connection = connection;
        this.maxMessageSize = maxMessageSize > 0 ? maxMessageSize : Integer.MAX_VALUE;
    }

    @Override
    public synchronized void addBytes(byte[] bytes) throws Exception {
        append(bytes);
        while (nextMessage()) {
            // each round hands one message on
        }
        if (start == end) {
            start = 0;
            end = 0;
            scanned = 0;
        }
    }

    private void append(byte[] bytes) {
        if (end + bytes.length > buffer.length) {
            int length = end - start;
            byte[] bigger = length + bytes.length > buffer.length ? new byte[Math.max(buffer.length * 2, length + bytes.length)]
                    : buffer;
            System.arraycopy(buffer, start, bigger, 0, length);
            buffer = bigger;
            scanned -= start;
            start = 0;
            end = length;
        }
        System.arraycopy(bytes, 0, buffer, end, bytes.length);
        end += bytes.length;
    }

    /** Hands on the next complete message; false if none is complete yet. */
    private boolean nextMessage() throws Exception {
        if (!skipLineBreaks()) {
            return false;
        }
        int headersEnd = endOfHeaders();
        if (headersEnd < 0) {
            if (end - start > maxMessageSize) {
                throw new IOException("SIP message headers above " + maxMessageSize + " bytes");
            }
            return false;
        }
        String headers = new String(buffer, start, headersEnd - start, StandardCharsets.UTF_8);
        Fields fields = Fields.of(headers);
        if (fields.contentLength > maxMessageSize - (headersEnd - start)) {
            throw new IOException("SIP message of " + fields.contentLength + " body bytes, above " + maxMessageSize);
        }
        if (end - headersEnd < fields.contentLength) {
            return false;
        }
        byte[] body = Arrays.copyOfRange(buffer, headersEnd, headersEnd + fields.contentLength);
        start = headersEnd + fields.contentLength;
        scanned = start;
        if (fields.callId == null) {
            throw new IOException("SIP message without Call-ID");
        }
        if (UnreadAnswers.isAnswer(headers)) {
            JulServerLogger.dropped(headers);
            return true;
        }
        stack.getSelfRoutingThreadpoolExecutor().execute(new Dispatch(new UnparsedMessage(headers, body), fields.callId));
        return true;
    }

    /** Skips CRLFs before a message, answering pings; false if only line breaks are buffered. */
    private boolean skipLineBreaks() throws Exception {
        while (end - start >= 2 && buffer[start] == CR && buffer[start + 1] == LF) {
            start += 2;
            scanned = start;
            if (lineBreakBefore) {
                lineBreakBefore = false;
                connection.sendSingleCLRF();
            } else {
                lineBreakBefore = true;
            }
        }
        if (start == end || (end - start == 1 && buffer[start] == CR)) {
            return false;
        }
        if (lineBreakBefore && connection instanceof ConnectionOrientedMessageChannel channel) {
            channel.cancelPingKeepAliveTimeoutTaskIfStarted(); // a lone CRLF: the answer to a ping of ours
        }
        lineBreakBefore = false;
        return true;
    }

    /** The index just past the blank line that ends the headers; -1 if not buffered yet. */
    private int endOfHeaders() {
        for (int i = Math.max(scanned, start); i + 3 < end; i++) {
            if (buffer[i] == CR && buffer[i + 1] == LF && buffer[i + 2] == CR && buffer[i + 3] == LF) {
                return i + 4;
            }
        }
        scanned = Math.max(start, end - 3);
        return -1;
    }

    /**
     * The two header fields framing needs, read from the header block. It runs for every message a
     * connection brings (each member's answer to a fan-out INFO among them), so it walks the lines
     * in place and makes strings of those two values only.
     */
    record Fields(int contentLength, String callId) {

        static Fields of(String headers) throws IOException {
            Integer contentLength = null;
            String callId = null;
            int length = headers.length();
            int line = 0;
            while (line < length) {
                int lineEnd = lineEnd(headers, line);
                int next = lineEnd + 2;
                while (next < length && (headers.charAt(next) == ' ' || headers.charAt(next) == '\t')) {
                    lineEnd = lineEnd(headers, next); // a folded value goes on on this line
                    next = lineEnd + 2;
                }
                int colon = headers.indexOf(':', line);
                if (colon > line && colon < lineEnd) {
                    int nameEnd = colon;
                    while (nameEnd > line && (headers.charAt(nameEnd - 1) == ' ' || headers.charAt(nameEnd - 1) == '\t')) {
                        nameEnd--;
                    }
                    if (named(headers, line, nameEnd, "content-length", "l")) {
                        int value = contentLength(value(headers, colon + 1, lineEnd));
                        if (contentLength != null && contentLength != value) {
                            throw new IOException("two different Content-Lengths: " + contentLength + " and " + value);
                        }
                        contentLength = value;
                    } else if (callId == null && named(headers, line, nameEnd, "call-id", "i")) {
                        String value = value(headers, colon + 1, lineEnd);
                        callId = value.isEmpty() ? null : value;
                    }
                }
                line = next;
            }
            return new Fields(contentLength == null ? 0 : contentLength, callId);
        }

        private static int lineEnd(String headers, int from) {
            int end = headers.indexOf("\r\n", from);
            return end < 0 ? headers.length() : end;
        }

        private static boolean named(String headers, int from, int to, String name, String compact) {
            int length = to - from;
            return length == name.length() && headers.regionMatches(true, from, name, 0, length)
                    || length == compact.length() && headers.regionMatches(true, from, compact, 0, length);
        }

        /** The value between {@code from} and {@code to}, its folds made single spaces, trimmed. */
        private static String value(String headers, int from, int to) {
            String value = headers.substring(from, to);
            if (value.indexOf('\r') >= 0) {
                value = value.replaceAll("\r\n[ \t]+", " ");
            }
            return value.trim();
        }

        private static int contentLength(String value) throws IOException {
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IOException("Content-Length is not a number: " + value);
            }
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value)); // above any size limit anyway
        }
    }
}
