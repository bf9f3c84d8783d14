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
import java.util.Locale;
import java.util.Set;
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

    /** Rows fetched per round trip while a search filters candidates in Java. */
    private static final int SEARCH_BATCH = 500;

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaMessageRepository() {
    }

    public JpaMessageRepository(EntityManager em) {
        this.em = em;
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
     * The database narrows the candidates (rooms, author, time, LIKE on each fragment, which a
     * text index serves where the schema has one); the domain's {@link MessageSearch#matches}
     * decides, so word boundaries and case sensitivity mean the same on every database and
     * collation.
     */
    @Override
    public SearchResult search(MessageSearch search, Collection<Room> rooms) {
        if (rooms.isEmpty()) {
            return new SearchResult(List.of(), false);
        }
        TypedQuery<ChatMessage> query = candidates(search, rooms);
        List<ChatMessage> found = new ArrayList<>();
        int offset = 0;
        while (found.size() <= search.limit()) {
            List<ChatMessage> batch = query.setFirstResult(offset).setMaxResults(SEARCH_BATCH).getResultList();
            for (ChatMessage message : batch) {
                if (search.matches(message)) {
                    found.add(message);
                    if (found.size() > search.limit()) {
                        break;
                    }
                }
            }
            if (batch.size() < SEARCH_BATCH) {
                break;
            }
            offset += SEARCH_BATCH;
        }
        boolean exceeded = found.size() > search.limit();
        return new SearchResult(exceeded ? found.subList(0, search.limit()) : found, exceeded);
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

    private TypedQuery<ChatMessage> candidates(MessageSearch search, Collection<Room> rooms) {
        StringBuilder jpql = new StringBuilder("SELECT m FROM ChatMessage m WHERE m.roomId IN :rooms");
        if (search.author() != null) {
            jpql.append(" AND m.author = :author");
        }
        if (search.from() != null) {
            jpql.append(" AND m.postedAt >= :from");
        }
        if (search.to() != null) {
            jpql.append(" AND m.postedAt <= :to");
        }
        if (search.cursor() != null) {
            jpql.append(" AND (m.postedAt < :cursorTime OR (m.postedAt = :cursorTime AND m.id < :cursorId))");
        }
        List<String> fragments = search.text() == null ? List.of() : search.text().fragments();
        boolean caseSensitive = search.text() != null && search.text().caseSensitive();
        for (int i = 0; i < fragments.size(); i++) {
            if (lowerCasedAlike(fragments.get(i), caseSensitive)) { // what a text index covers (PostgreSQL's trigrams)
                jpql.append(" AND LOWER(m.content) LIKE :lower").append(i).append(" ESCAPE '!'");
            }
            if (caseSensitive) {
                jpql.append(" AND m.content LIKE :exact").append(i).append(" ESCAPE '!'");
            }
        }
        jpql.append(" ORDER BY m.postedAt DESC, m.id DESC");
        TypedQuery<ChatMessage> query = em.createQuery(jpql.toString(), ChatMessage.class)
                .setParameter("rooms", rooms.stream().map(Room::id).toList());
        if (search.author() != null) {
            query.setParameter("author", search.author());
        }
        if (search.from() != null) {
            query.setParameter("from", search.from());
        }
        if (search.to() != null) {
            query.setParameter("to", search.to());
        }
        if (search.cursor() != null) {
            query.setParameter("cursorTime", search.cursor().postedAt())
                    .setParameter("cursorId", search.cursor().storeId());
        }
        for (int i = 0; i < fragments.size(); i++) {
            if (lowerCasedAlike(fragments.get(i), caseSensitive)) {
                query.setParameter("lower" + i, Like.contains(fragments.get(i).toLowerCase(Locale.ROOT)));
            }
            if (caseSensitive) {
                query.setParameter("exact" + i, Like.contains(fragments.get(i)));
            }
        }
        return query;
    }

    /**
     * Whether to narrow by the lower-cased fragment: always when case does not matter; when it
     * does, only for ASCII, which lower-cases the same in Java and every database (other letters
     * may not, and a case-sensitive search must not lose what its exact LIKE finds).
     */
    static boolean lowerCasedAlike(String fragment, boolean caseSensitive) {
        return !caseSensitive || fragment.chars().allMatch(c -> c < 0x80);
    }

    private static List<ChatMessage> oldestFirst(List<ChatMessage> newestFirst) {
        List<ChatMessage> copy = new ArrayList<>(newestFirst);
        Collections.reverse(copy);
        return copy;
    }
}
