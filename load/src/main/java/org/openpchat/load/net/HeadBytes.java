package org.openpchat.load.net;

import java.nio.charset.StandardCharsets;

/**
 * Reading a SIP head in place, byte by byte, for the few fields the tool needs on every message
 * (framing's Content-Length, the lines an INFO's 200 copies): header names are ASCII and
 * compared in any case, with the white space RFC 3261 §7.3.1 allows before the colon.
 */
public final class HeadBytes {

    private HeadBytes() {
    }

    /** The lower-case ASCII bytes of each name. */
    public static byte[][] names(String... lowerCaseNames) {
        byte[][] names = new byte[lowerCaseNames.length][];
        for (int i = 0; i < names.length; i++) {
            names[i] = lowerCaseNames[i].getBytes(StandardCharsets.US_ASCII);
        }
        return names;
    }

    /** Where the name from {@code start} to the colon at {@code colon} ends, spaces before the colon left out. */
    public static int nameEnd(byte[] head, int start, int colon) {
        int end = colon;
        while (end > start && (head[end - 1] == ' ' || head[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /** Whether {@code head[start, end)} is one of {@code lowerCaseNames}, in any case. */
    public static boolean nameIsOneOf(byte[] head, int start, int end, byte[][] lowerCaseNames) {
        for (byte[] name : lowerCaseNames) {
            if (nameIs(head, start, end, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameIs(byte[] head, int start, int end, byte[] lowerCaseName) {
        if (end - start != lowerCaseName.length) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length; i++) {
            int b = head[start + i];
            if ((b >= 'A' && b <= 'Z' ? b | 0x20 : b) != lowerCaseName[i]) {
                return false;
            }
        }
        return true;
    }
}
