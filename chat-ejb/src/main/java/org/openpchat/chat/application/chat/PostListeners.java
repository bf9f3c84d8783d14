package org.openpchat.chat.application.chat;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where front ends register to hear about posts, whoever made them (a SIP client, the REST API).
 * {@link PostService} hands them each post once it has committed, on the poster's thread.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PostListeners {

    private static final Logger LOG = Logger.getLogger(PostListeners.class.getName());

    private final List<PostListener> listeners = new CopyOnWriteArrayList<>();

    public void register(PostListener listener) {
        listeners.add(listener);
    }

    public void unregister(PostListener listener) {
        listeners.remove(listener);
    }

    /** Hands a committed post to every listener; one that fails does not stop the others. */
    public void deliver(PostedMessage message) {
        for (PostListener listener : listeners) {
            try {
                listener.posted(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a front end could not deliver message " + message.messageId()
                        + " of room " + message.roomUri(), e);
            }
        }
    }
}
