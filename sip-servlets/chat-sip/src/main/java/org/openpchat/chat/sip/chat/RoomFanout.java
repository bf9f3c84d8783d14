package org.openpchat.chat.sip.chat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openpchat.chat.application.chat.PostListener;
import org.openpchat.chat.application.chat.PostListeners;
import org.openpchat.chat.application.chat.PostedMessage;
import org.openpchat.chat.sip.xccos.XccosWriter;
import org.openpchat.sip.servlet.SipConnectionFactory;

/**
 * Delivers every committed post, whoever made it (a SIP client, the REST API), to each chat
 * dialog of this node that joined the room, the author's included: clients show their own line
 * only when the server echoes it. The post is encoded once for all of them.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoomFanout {

    @EJB
    private PostListeners listeners;
    @EJB
    private ChatSessions sessions;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;

    private final PostListener listener = this::deliver;
    private final LongAdder posts = new LongAdder();
    private final LongAdder deliveries = new LongAdder();

    @PostConstruct
    void listen() {
        listeners.register(listener);
    }

    @PreDestroy
    void stop() {
        listeners.unregister(listener);
    }

    private void deliver(PostedMessage message) {
        List<Outgoing> outbox = deliveries(message, sessions.sessionsIn(message.roomUri()));
        posts.increment();
        deliveries.add(outbox.size());
        DialogSender.send(connections, null, outbox);
    }

    /** Posts handed over for delivery since start. */
    public long posts() {
        return posts.sum();
    }

    /** Copies of posts sent to dialogs since start. */
    public long deliveries() {
        return deliveries.sum();
    }

    /** One INFO body for every dialog in the room. */
    static List<Outgoing> deliveries(PostedMessage message, List<ChatSessions.ChatSession> inRoom) {
        String xccos = new XccosWriter().post(message.roomUri(), message.author().toString(),
                Timestamps.format(message.postedAt()), message.messageId(), message.content());
        List<Outgoing> outbox = new ArrayList<>(inRoom.size());
        for (ChatSessions.ChatSession member : inRoom) {
            outbox.add(new Outgoing(member.id(), xccos));
        }
        return outbox;
    }
}
