package org.openpchat.chat.sip.chat;

/**
 * How many commands and posts one XCCOS envelope may carry: the JVM option
 * {@code -Dopenpchat.xccos-commands-per-envelope} (default {@value #DEFAULT}). SIPE and the Lync
 * clients send one command per envelope; the parser alone would let a 64 KiB INFO carry 4,096.
 */
public final class EnvelopeLimit {

    public static final String PROPERTY = "openpchat.xccos-commands-per-envelope";
    public static final int DEFAULT = 16;

    private EnvelopeLimit() {
    }

    public static int configured() {
        return ChatOptions.positive(PROPERTY, DEFAULT);
    }
}
