package org.openpchat.chat.application.chat;

import org.openpchat.chat.domain.access.Actor;

/** A post asked for: who, to which room (a name, id or URI), what. */
public record PostRequest(Actor actor, String room, String text) {
}
