package org.openpchat.chat.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageSearch;

/**
 * The query for a search's candidates, newest first: rooms, author, time range, the cursor of the
 * previous page, and each text fragment. The database only narrows; the caller keeps the rooms'
 * posts and the domain's {@link MessageSearch#matches} decides.
 *
 * <p>A fragment is tested in one of two forms. {@link #indexed} uses {@code LOWER(CONTENT) LIKE},
 * which PostgreSQL's trigram index serves: right for a rare word, which it finds among millions
 * of posts at once, but for a common one the database reads every post that has it before it can
 * sort them (PostgreSQL cannot tell how many will match and assumes few). {@link #walked} tests
 * the same with {@code LOCATE}, which no text index serves, so the database walks the posts
 * newest first through the time index and stops after the rows asked for: right for a common
 * word within a bounded stretch of recent posts.
 */
final class SearchCandidates {

    private final MessageSearch search;
    private final boolean indexed;
    private Instant notBefore;
    private Instant before;

    private SearchCandidates(MessageSearch search, boolean indexed) {
        this.search = search;
        this.indexed = indexed;
    }

    static SearchCandidates indexed(MessageSearch search) {
        return new SearchCandidates(search, true);
    }

    static SearchCandidates walked(MessageSearch search) {
        return new SearchCandidates(search, false);
    }

    /** Only posts at or after this time (the stretch a walk is bounded to); null for no bound. */
    SearchCandidates notBefore(Instant time) {
        this.notBefore = time;
        return this;
    }

    /** Only posts before this time (what a bounded walk left). */
    SearchCandidates before(Instant time) {
        this.before = time;
        return this;
    }

    /**
     * The candidates' query. A walk leaves the rooms to the caller: with a condition on the room,
     * H2 reads the searched rooms through the (room, time) index, every post of theirs, instead of
     * the stretch of the time index; the stretch is bounded, so the rows of other rooms it passes
     * cost little.
     */
    TypedQuery<ChatMessage> query(EntityManager em, List<Long> roomIds) {
        Conditions where = new Conditions();
        if (indexed) {
            where.add("m.roomId IN :rooms", "rooms", roomIds);
        }
        if (search.author() != null) {
            where.add("m.author = :author", "author", search.author());
        }
        addRange(search, where);
        if (notBefore != null) {
            where.add("m.postedAt >= :notBefore", "notBefore", notBefore);
        }
        if (before != null) {
            where.add("m.postedAt < :before", "before", before);
        }
        addText(where);
        return where.query(em, "SELECT m FROM ChatMessage m", ChatMessage.class);
    }

    /**
     * The time of the {@code nth} newest post of the server within the search's time range and
     * after its cursor, whatever its room and text; empty when there are fewer. Not of the
     * searched rooms: without a room the time index answers alone, reading n entries, where a room
     * filter would leave the plan to the database's statistics (PostgreSQL sorted millions of rows
     * for it while a bulk import ran).
     */
    static Optional<Instant> timeOfNewest(EntityManager em, MessageSearch search, int nth) {
        Conditions where = new Conditions();
        addRange(search, where);
        return where.query(em, "SELECT m.postedAt FROM ChatMessage m", Instant.class)
                .setFirstResult(nth - 1).setMaxResults(1).getResultStream().findFirst();
    }

    private static void addRange(MessageSearch search, Conditions where) {
        if (search.from() != null) {
            where.add("m.postedAt >= :from", "from", search.from());
        }
        if (search.to() != null) {
            where.add("m.postedAt <= :to", "to", search.to());
        }
        if (search.cursor() != null) {
            // the first bound is implied by the second; it lets the time index start at the cursor
            where.add("m.postedAt <= :cursorTime", "cursorTime", search.cursor().postedAt())
                    .add("(m.postedAt < :cursorTime OR (m.postedAt = :cursorTime AND m.id < :cursorId))",
                            "cursorId", search.cursor().storeId());
        }
    }

    private void addText(Conditions where) {
        if (search.text() == null) {
            return;
        }
        List<String> fragments = search.text().fragments();
        boolean caseSensitive = search.text().caseSensitive();
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            if (lowerCasedAlike(fragment, caseSensitive)) {
                String lower = fragment.toLowerCase(Locale.ROOT);
                if (indexed) {
                    where.add("LOWER(m.content) LIKE :lower" + i + " ESCAPE '!'", "lower" + i, Like.contains(lower));
                } else {
                    where.add("LOCATE(:lower" + i + ", LOWER(m.content)) > 0", "lower" + i, lower);
                }
            }
            if (caseSensitive) {
                if (indexed) {
                    where.add("m.content LIKE :exact" + i + " ESCAPE '!'", "exact" + i, Like.contains(fragment));
                } else {
                    where.add("LOCATE(:exact" + i + ", m.content) > 0", "exact" + i, fragment);
                }
            }
        }
    }

    /**
     * Whether to narrow by the lower-cased fragment: always when case does not matter; when it
     * does, only for ASCII, which lower-cases the same in Java and every database (other letters
     * may not, and a case-sensitive search must not lose what its exact test finds).
     */
    static boolean lowerCasedAlike(String fragment, boolean caseSensitive) {
        return !caseSensitive || fragment.chars().allMatch(c -> c < 0x80);
    }

    /** A WHERE clause and its parameters; results newest first. */
    private static final class Conditions {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Conditions add(String condition, String parameter, Object value) {
            conditions.add(condition);
            parameters.put(parameter, value);
            return this;
        }

        <T> TypedQuery<T> query(EntityManager em, String select, Class<T> type) {
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            TypedQuery<T> query = em.createQuery(select + where + " ORDER BY m.postedAt DESC, m.id DESC", type);
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
