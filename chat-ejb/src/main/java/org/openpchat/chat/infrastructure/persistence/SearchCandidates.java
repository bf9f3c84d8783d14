package org.openpchat.chat.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageSearch;

/**
 * The query for a search's candidates, newest first: rooms, author, time range, the cursor of the
 * previous page, and each text fragment. The database only narrows; the domain's
 * {@link MessageSearch#matches} decides.
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

    /** Only posts at or after this time (the stretch a walk is bounded to). */
    SearchCandidates notBefore(Instant time) {
        this.notBefore = time;
        return this;
    }

    /** Only posts before this time (what a bounded walk left). */
    SearchCandidates before(Instant time) {
        this.before = time;
        return this;
    }

    TypedQuery<ChatMessage> query(EntityManager em, List<Long> roomIds) {
        StringBuilder jpql = new StringBuilder("SELECT m FROM ChatMessage m WHERE m.roomId IN :rooms");
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter("rooms", roomIds));
        appendScope(search, jpql, parameters);
        if (notBefore != null) {
            jpql.append(" AND m.postedAt >= :notBefore");
            parameters.add(new Parameter("notBefore", notBefore));
        }
        if (before != null) {
            jpql.append(" AND m.postedAt < :before");
            parameters.add(new Parameter("before", before));
        }
        appendText(jpql, parameters);
        jpql.append(" ORDER BY m.postedAt DESC, m.id DESC");
        TypedQuery<ChatMessage> query = em.createQuery(jpql.toString(), ChatMessage.class);
        parameters.forEach(parameter -> query.setParameter(parameter.name(), parameter.value()));
        return query;
    }

    /**
     * The time of the {@code nth} newest post in the rooms within the search's time range and
     * after its cursor, whatever its text; empty when there are fewer.
     */
    static List<Instant> timeOfNewest(EntityManager em, MessageSearch search, List<Long> roomIds, int nth) {
        StringBuilder jpql = new StringBuilder("SELECT m.postedAt FROM ChatMessage m WHERE m.roomId IN :rooms");
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter("rooms", roomIds));
        appendRange(search, jpql, parameters);
        jpql.append(" ORDER BY m.postedAt DESC, m.id DESC");
        TypedQuery<Instant> query = em.createQuery(jpql.toString(), Instant.class);
        parameters.forEach(parameter -> query.setParameter(parameter.name(), parameter.value()));
        return query.setFirstResult(nth - 1).setMaxResults(1).getResultList();
    }

    private static void appendScope(MessageSearch search, StringBuilder jpql, List<Parameter> parameters) {
        if (search.author() != null) {
            jpql.append(" AND m.author = :author");
            parameters.add(new Parameter("author", search.author()));
        }
        appendRange(search, jpql, parameters);
    }

    private static void appendRange(MessageSearch search, StringBuilder jpql, List<Parameter> parameters) {
        if (search.from() != null) {
            jpql.append(" AND m.postedAt >= :from");
            parameters.add(new Parameter("from", search.from()));
        }
        if (search.to() != null) {
            jpql.append(" AND m.postedAt <= :to");
            parameters.add(new Parameter("to", search.to()));
        }
        if (search.cursor() != null) {
            jpql.append(" AND (m.postedAt < :cursorTime OR (m.postedAt = :cursorTime AND m.id < :cursorId))");
            parameters.add(new Parameter("cursorTime", search.cursor().postedAt()));
            parameters.add(new Parameter("cursorId", search.cursor().storeId()));
        }
    }

    private void appendText(StringBuilder jpql, List<Parameter> parameters) {
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
                    jpql.append(" AND LOWER(m.content) LIKE :lower").append(i).append(" ESCAPE '!'");
                    parameters.add(new Parameter("lower" + i, Like.contains(lower)));
                } else {
                    jpql.append(" AND LOCATE(:lower").append(i).append(", LOWER(m.content)) > 0");
                    parameters.add(new Parameter("lower" + i, lower));
                }
            }
            if (caseSensitive) {
                if (indexed) {
                    jpql.append(" AND m.content LIKE :exact").append(i).append(" ESCAPE '!'");
                    parameters.add(new Parameter("exact" + i, Like.contains(fragment)));
                } else {
                    jpql.append(" AND LOCATE(:exact").append(i).append(", m.content) > 0");
                    parameters.add(new Parameter("exact" + i, fragment));
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

    private record Parameter(String name, Object value) {
    }
}
