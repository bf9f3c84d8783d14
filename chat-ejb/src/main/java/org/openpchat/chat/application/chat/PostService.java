package org.openpchat.chat.application.chat;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.openpchat.chat.domain.access.Actor;

/**
 * Posting, from any front end: posts that arrive while others are being stored are stored
 * together, in one transaction ({@link GroupCommit}, {@link ChatService#postAll}); each is then
 * delivered on its poster's thread, so fan-out stays spread over the callers. Holds no
 * transaction while a post waits for its batch.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostService {

    /** How many batches may be stored at once (transactions, so database connections). */
    static final String WRITERS_PROPERTY = "openpchat.chat.post-writers";
    /** The most posts one transaction stores. */
    static final String BATCH_PROPERTY = "openpchat.chat.post-batch";

    @EJB
    private ChatService chat;
    @EJB
    private PostListeners listeners;

    private GroupCommit<PostRequest, PostResult> commits;

    public PostService() {
    }

    /** Outside the container (tests). */
    public PostService(ChatService chat, PostListeners listeners, int writers, int maxBatch) {
        this.chat = chat;
        this.listeners = listeners;
        this.commits = new GroupCommit<>(writers, maxBatch, chat::postAll);
    }

    @PostConstruct
    void start() {
        commits = new GroupCommit<>(Integer.getInteger(WRITERS_PROPERTY, 2), Integer.getInteger(BATCH_PROPERTY, 64),
                chat::postAll);
    }

    /**
     * Stores the post under its room's next message id, hands it to the front ends and returns
     * it; refusals ({@code DomainException}) are thrown, and a post whose batch failed to commit
     * is neither stored nor delivered.
     */
    public RoomMessage post(Actor actor, String room, String text) {
        PostResult result = commits.submit(new PostRequest(actor, room, text));
        RoomMessage message = result.orThrow();
        listeners.deliver(result.delivery());
        return message;
    }

    /** Transactions that stored posts since the start. */
    public long commits() {
        return commits.batches();
    }

    /** Posts stored per transaction on average since the start: above 1 when posts queue. */
    public double averageBatch() {
        return commits.averageBatch();
    }
}
