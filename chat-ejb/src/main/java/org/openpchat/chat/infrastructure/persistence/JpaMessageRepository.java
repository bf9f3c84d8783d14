package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.message.MessageSearch;
import org.openpchat.chat.domain.message.SearchResult;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException;

@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {

    /**
     * A room's messages by id, newest first ({@link #after} has the same ascending). The room is
     * fixed by the query, so ordering by it too changes nothing but lets H2 read the unique index
     * on (room, message id) backwards and stop after the rows asked for; H2 picks that index over
     * the room's foreign key index only when the query also bounds the message id (hence
     * {@link #newest} is "before the highest id"). Without both it sorted the room's whole history
     * on every history request: seconds for a million messages. PostgreSQL and SQL Server use the
     * index either way.
     */
    private static final String NEWEST_FIRST = " ORDER BY m.roomId DESC, m.messageId DESC";

    /** Rows fetched per round trip, at most, while a search filters candidates in Java. */
    private static final int SEARCH_BATCH = 500;

    /**
     * How many of the newest posts a text search walks first: a few tens of milliseconds to read;
     * a word in one post of a thousand fills most of a page of 25 there.
     */
    static final int RECENT_POSTS = 25_000;

    private int recentPosts = RECENT_POSTS;

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaMessageRepository() {
    }

    public JpaMessageRepository(EntityManager em) {
        this.em = em;
    }

    JpaMessageRepository(EntityManager em, int recentPosts) {
        this.em = em;
        this.recentPosts = recentPosts;
    }

    @Override
    public long nextMessageId(Room room) {
        RoomMessageCounter counter = em.find(RoomMessageCounter.class, room.id(), LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw DomainException.notFound("room '" + room.name() + "' has no message counter");
        }
        return counter.next();
    }

    @Override
    public long lastMessageId(Room room) {
        List<Long> last = em.createQuery("SELECT c.lastMessageId FROM RoomMessageCounter c WHERE c.roomId = :id",
                Long.class).setParameter("id", room.id()).getResultList();
        return last.isEmpty() ? 0 : last.get(0);
    }

    @Override
    public void add(ChatMessage message) {
        em.persist(message);
    }

    @Override
    public List<ChatMessage> newest(Room room, int count) {
        return before(room, Long.MAX_VALUE, count);
    }

    @Override
    public List<ChatMessage> before(Room room, long messageId, int count) {
        List<ChatMessage> newestFirst = em.createQuery("SELECT m FROM ChatMessage m WHERE m.roomId = :room"
                        + " AND m.messageId < :id" + NEWEST_FIRST, ChatMessage.class)
                .setParameter("room", room.id()).setParameter("id", messageId).setMaxResults(count).getResultList();
        return oldestFirst(newestFirst);
    }

    @Override
    public List<ChatMessage> after(Room room, long messageId, int count) {
        return em.createQuery("SELECT m FROM ChatMessage m WHERE m.roomId = :room"
                        + " AND m.messageId > :id ORDER BY m.roomId, m.messageId", ChatMessage.class)
                .setParameter("room", room.id()).setParameter("id", messageId).setMaxResults(count).getResultList();
    }

    /**
     * Results come newest first. A search for text first walks the searched rooms' posts among the
     * server's newest {@link #RECENT_POSTS} in time order, where a word used often is found
     * without the database reading its every use. If that did not fill the page but found a
     * quarter of it, the word is common enough to walk four times as far; otherwise, and for
     * what is older still, the search asks the text index where the schema has one (a rare
     * word). See {@link SearchCandidates}.
     */
    @Override
    public SearchResult search(MessageSearch search, Collection<Room> rooms) {
        if (rooms.isEmpty()) {
            return new SearchResult(List.of(), false);
        }
        List<Long> roomIds = rooms.stream().map(Room::id).toList();
        Set<Long> searched = Set.copyOf(roomIds);
        Predicate<ChatMessage> match = message -> searched.contains(message.roomId()) && search.matches(message);
        int wanted = search.limit() + 1;
        List<ChatMessage> found = new ArrayList<>();
        if (search.text() == null) {
            collect(SearchCandidates.indexed(search).query(em, roomIds), match, wanted, found);
        } else {
            Optional<Instant> older = walkRecent(search, roomIds, match, wanted, found);
            if (older.isPresent() && found.size() < wanted) {
                collect(SearchCandidates.indexed(search).before(older.get()).query(em, roomIds), match, wanted, found);
            }
        }
        boolean exceeded = found.size() > search.limit();
        return new SearchResult(exceeded ? found.subList(0, search.limit()) : found, exceeded);
    }

    /** Walks recent posts; returns where the walk stopped, empty when it reached the oldest. */
    private Optional<Instant> walkRecent(MessageSearch search, List<Long> roomIds, Predicate<ChatMessage> match,
            int wanted, List<ChatMessage> found) {
        Optional<Instant> near = SearchCandidates.timeOfNewest(em, search, recentPosts);
        collect(SearchCandidates.walked(search).notBefore(near.orElse(null)).query(em, roomIds), match, wanted, found);
        if (near.isEmpty() || found.size() >= wanted || found.size() * 4 < wanted) {
            return near;
        }
        Optional<Instant> far = SearchCandidates.timeOfNewest(em, search, recentPosts * 4);
        collect(SearchCandidates.walked(search).notBefore(far.orElse(null)).before(near.get()).query(em, roomIds),
                match, wanted, found);
        return far;
    }

    /** Adds the candidates the search matches, asking first for just enough rows, then for more. */
    private static void collect(TypedQuery<ChatMessage> query, Predicate<ChatMessage> match, int wanted,
            List<ChatMessage> found) {
        int offset = 0;
        int batch = wanted - found.size();
        while (found.size() < wanted) {
            List<ChatMessage> rows = query.setFirstResult(offset).setMaxResults(batch).getResultList();
            for (ChatMessage message : rows) {
                if (match.test(message)) {
                    found.add(message);
                    if (found.size() == wanted) {
                        return;
                    }
                }
            }
            if (rows.size() < batch) {
                return;
            }
            offset += rows.size();
            batch = Math.min(batch * 4, SEARCH_BATCH);
        }
    }

    @Override
    public long countIn(Room room) {
        return em.createQuery("SELECT COUNT(m) FROM ChatMessage m WHERE m.roomId = :room", Long.class)
                .setParameter("room", room.id()).getSingleResult();
    }

    @Override
    public long countSince(Instant since) {
        return em.createQuery("SELECT COUNT(m) FROM ChatMessage m WHERE m.postedAt >= :since", Long.class)
                .setParameter("since", since).getSingleResult();
    }

    @Override
    public Optional<ChatMessage> find(Room room, long messageId) {
        return em.createQuery("SELECT m FROM ChatMessage m WHERE m.roomId = :room AND m.messageId = :id",
                        ChatMessage.class)
                .setParameter("room", room.id()).setParameter("id", messageId).getResultStream().findFirst();
    }

    @Override
    public Set<Long> idsBetween(Room room, long lowest, long highest) {
        return new HashSet<>(em.createQuery("SELECT m.messageId FROM ChatMessage m WHERE m.roomId = :room"
                        + " AND m.messageId BETWEEN :lowest AND :highest", Long.class)
                .setParameter("room", room.id()).setParameter("lowest", lowest).setParameter("highest", highest)
                .getResultList());
    }

    @Override
    public void continueAfter(Room room, long lastMessageId) {
        RoomMessageCounter counter = em.find(RoomMessageCounter.class, room.id(), LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw DomainException.notFound("room '" + room.name() + "' has no message counter");
        }
        counter.continueAfter(lastMessageId);
    }

    @Override
    public void remove(ChatMessage message) {
        em.remove(message);
    }

    @Override
    public int removeBefore(Room room, Instant before) {
        return em.createQuery("DELETE FROM ChatMessage m WHERE m.roomId = :room AND m.postedAt < :before")
                .setParameter("room", room.id()).setParameter("before", before).executeUpdate();
    }

    private static List<ChatMessage> oldestFirst(List<ChatMessage> newestFirst) {
        List<ChatMessage> copy = new ArrayList<>(newestFirst);
        Collections.reverse(copy);
        return copy;
    }
}
