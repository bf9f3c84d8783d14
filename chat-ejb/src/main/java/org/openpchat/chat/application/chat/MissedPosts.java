package org.openpchat.chat.application.chat;

import java.util.List;

/** Reads back the posts of a room that another node committed but that never arrived here. */
@FunctionalInterface
public interface MissedPosts {

    /** The room's kept posts with ids after {@code afterId} and before {@code beforeId}, in id order. */
    List<PostedMessage> between(String roomUid, long afterId, long beforeId);
}
