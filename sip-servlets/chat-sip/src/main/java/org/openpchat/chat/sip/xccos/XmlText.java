package org.openpchat.chat.sip.xccos;

/** Text that XML 1.0 can carry: characters it forbids (most C0 controls) are dropped. */
final class XmlText {

    private XmlText() {
    }

    static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text.charAt(i))) {
                return strip(text);
            }
        }
        return text;
    }

    private static String strip(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.chars().filter(c -> allowed((char) c)).forEach(c -> clean.append((char) c));
        return clean.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
    }
}
