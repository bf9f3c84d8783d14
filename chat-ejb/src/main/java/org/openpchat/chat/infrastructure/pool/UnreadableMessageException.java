package org.openpchat.chat.infrastructure.pool;

/** A pool message that is not what a node of this pool sends: dropped, never acted on. */
class UnreadableMessageException extends Exception {

    UnreadableMessageException(String message) {
        super(message);
    }

    UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
