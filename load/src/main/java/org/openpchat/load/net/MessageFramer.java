package org.openpchat.load.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a TCP byte stream into SIP messages (RFC 3261 §18.3: the head ends at the first empty
 * line, the body is Content-Length bytes). CRLF keep-alives between messages are skipped. A head
 * longer than {@link #MAX_HEAD} or a body longer than {@link #MAX_BODY} breaks the stream.
 */
final class MessageFramer {

    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_BODY = 4 * 1024 * 1024;

    private static final byte[][] CONTENT_LENGTH = HeadBytes.names("content-length", "l");

    private byte[] buffer = new byte[4096];
    private int start;
    private int end;

    void append(ByteBuffer data) {
        int n = data.remaining();
        if (end + n > buffer.length) {
            int kept = end - start;
            if (kept + n > buffer.length) {
                buffer = Arrays.copyOfRange(buffer, start, Math.max(buffer.length * 2, kept + n));
            } else {
                System.arraycopy(buffer, start, buffer, 0, kept);
            }
            start = 0;
            end = kept;
        }
        data.get(buffer, end, n);
        end += n;
    }

    /** The next whole message, or null until more bytes come. */
    byte[] next() {
        while (start < end && (buffer[start] == '\r' || buffer[start] == '\n')) {
            start++;
        }
        int headEnd = headEnd();
        if (headEnd < 0) {
            if (end - start > MAX_HEAD) {
                throw new IllegalStateException("a SIP head longer than " + MAX_HEAD + " bytes");
            }
            return null;
        }
        int bodyLength = contentLength(headEnd);
        if (headEnd + bodyLength > end) {
            return null;
        }
        byte[] message = Arrays.copyOfRange(buffer, start, headEnd + bodyLength);
        start = headEnd + bodyLength;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return message;
    }

    /** The index just past the head's empty line, or -1. */
    private int headEnd() {
        for (int i = start; i + 3 < end; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The head's Content-Length (0 if it has none), read off the buffer without copying the head. */
    private int contentLength(int headEnd) {
        int line = start;
        while (line < headEnd) {
            int end = line;
            while (end < headEnd && buffer[end] != '\r') {
                end++;
            }
            int colon = line;
            while (colon < end && buffer[colon] != ':') {
                colon++;
            }
            if (colon < end
                    && HeadBytes.nameIsOneOf(buffer, line, HeadBytes.nameEnd(buffer, line, colon), CONTENT_LENGTH)) {
                String value = new String(buffer, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).trim();
                int length = Integer.parseInt(value);
                if (length < 0 || length > MAX_BODY) {
                    throw new IllegalStateException("Content-Length " + length);
                }
                return length;
            }
            line = end + 2;
        }
        return 0;
    }
}
