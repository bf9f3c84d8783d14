package org.openpchat.chat.infrastructure.persistence;

/** LIKE patterns with '!' as the escape character, the same on H2, PostgreSQL and SQL Server. */
final class Like {

    private Like() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '!' || c == '%' || c == '_' || c == '[') {
                out.append('!');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String contains(String text) {
        return "%" + escape(text) + "%";
    }
}
