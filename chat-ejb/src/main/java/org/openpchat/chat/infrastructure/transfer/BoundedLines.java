package org.openpchat.chat.infrastructure.transfer;

import java.io.IOException;
import java.io.Reader;

/** Reads lines of at most {@code maxLength} characters; a longer line is an error, not a memory hog. */
final class BoundedLines {

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int filled;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its end, or null at the end. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == filled) {
                filled = in.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    return line.isEmpty() ? null : line.toString();
                }
            }
            char c = buffer[position++];
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                line.append(c);
                if (line.length() > maxLength) {
                    throw new IOException("line longer than " + maxLength + " characters");
                }
            }
        }
    }
}
