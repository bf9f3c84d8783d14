package org.openpchat.chat.sip.chat;

/** The chat endpoint's settings given as JVM options ({@code -Dopenpchat.…}). */
final class ChatOptions {

    private ChatOptions() {
    }

    /** A whole number of at least 1; a bad value stops the chat endpoint from starting, saying which. */
    static int positive(String property, int fallback) {
        String value = System.getProperty(property, Integer.toString(fallback)).strip();
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(property + " must be a whole number of at least 1, not " + value);
    }
}
