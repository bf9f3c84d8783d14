package org.openpchat.chat.application.chat;

import org.openpchat.chat.domain.shared.DomainException;

/**
 * What became of one post of a batch: stored (what the poster is told and what the front ends
 * deliver) or refused, the others of its batch unaffected.
 */
public record PostResult(RoomMessage message, PostedMessage delivery, DomainException refusal) {

    public static PostResult stored(RoomMessage message, PostedMessage delivery) {
        return new PostResult(message, delivery, null);
    }

    public static PostResult refused(DomainException refusal) {
        return new PostResult(null, null, refusal);
    }

    /** The stored message, or the refusal thrown. */
    public RoomMessage orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return message;
    }
}
