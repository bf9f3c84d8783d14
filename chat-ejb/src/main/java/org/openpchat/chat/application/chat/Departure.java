package org.openpchat.chat.application.chat;

import java.io.Serializable;
import org.openpchat.chat.domain.access.Actor;

/** A user leaving a room, by its URI or name: one of many left together ({@link ChatService#leaveAll}). */
public record Departure(Actor actor, String room) implements Serializable {
}
