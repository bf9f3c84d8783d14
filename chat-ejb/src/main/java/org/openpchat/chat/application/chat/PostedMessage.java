package org.openpchat.chat.application.chat;

import java.io.Serializable;
import java.time.Instant;
import org.openpchat.chat.domain.principal.PrincipalId;

/** A post that has been committed, as the front ends deliver it to the room's participants. */
public record PostedMessage(String roomUid, String roomUri, long messageId, PrincipalId author, Instant postedAt,
        String content) implements Serializable {
}
