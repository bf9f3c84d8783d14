package org.openpchat.chat.application.chat;

/**
 * A front end that delivers committed posts to the people in the room (the SIP front end sends
 * them to every chat dialog that joined it). Called after the post's transaction committed, on
 * the thread that committed it; it must not block for long.
 */
@FunctionalInterface
public interface PostListener {

    void posted(PostedMessage message);
}
