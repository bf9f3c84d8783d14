package org.openpchat.chat.application.compliance;

/** The compliance messages that could never be stored. */
public interface DeadLetters {

    /** How many wait on the dead-letter queue. */
    long count();
}
