package org.openpchat.chat.domain.pool;

import org.openpchat.chat.domain.shared.DomainException;

/**
 * The state of the Persistent Chat pool (Get-/Set-CsPersistentChatState), written as Lync writes
 * it: {@code Normal}, or {@code FailedOver} after a disaster, when the backup pool serves and the
 * servers of this one take no clients.
 */
public enum PoolState {

    NORMAL("Normal"),
    FAILED_OVER("FailedOver");

    private final String text;

    PoolState(String text) {
        this.text = text;
    }

    /** {@code Normal} or {@code FailedOver}. */
    public String text() {
        return text;
    }

    /** {@code Normal} or {@code FailedOver}, in any case. */
    public static PoolState parse(String text) {
        for (PoolState state : values()) {
            if (text != null && state.text.equalsIgnoreCase(text.strip())) {
                return state;
            }
        }
        throw DomainException.invalid("the pool's state is Normal or FailedOver, not " + text);
    }
}
