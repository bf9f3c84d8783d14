package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;
import org.openpchat.chat.domain.shared.TextFilter;

@ApplicationScoped
public class JpaRoomRepository implements RoomRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaRoomRepository() {
    }

    public JpaRoomRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Room> findByName(String name) {
        return em.createQuery("SELECT r FROM Room r WHERE r.name = :name", Room.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public Optional<Room> findByUid(String uid) {
        return em.createQuery("SELECT r FROM Room r WHERE r.uid = :uid", Room.class)
                .setParameter("uid", uid).getResultStream().findFirst();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(r) FROM Room r", Long.class).getSingleResult();
    }

    @Override
    public List<Room> all() {
        return em.createQuery("SELECT r FROM Room r ORDER BY r.name", Room.class).getResultList();
    }

    @Override
    public List<Room> page(TextFilter filter, String after, int max) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM Room r WHERE 1 = 1");
        if (!filter.matchesAll()) {
            jpql.append(" AND LOWER(r.name) LIKE :pattern ESCAPE '!'");
        }
        if (after != null) {
            jpql.append(" AND r.name > :after");
        }
        TypedQuery<Room> query = em.createQuery(jpql.append(" ORDER BY r.name").toString(), Room.class);
        if (!filter.matchesAll()) {
            query.setParameter("pattern", Like.of(filter));
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(max).getResultList();
    }

    @Override
    public List<Room> withIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM Room r WHERE r.id IN :ids", Room.class)
                .setParameter("ids", List.copyOf(ids)).getResultList();
    }

    @Override
    public List<Room> inCategory(Category category) {
        return em.createQuery("SELECT r FROM Room r WHERE r.category = :c ORDER BY r.name", Room.class)
                .setParameter("c", category).getResultList();
    }

    /**
     * Also creates the room's message counter, so the first posts never race to create it, and
     * writes both at once: a post locks the counter row in the database.
     */
    @Override
    public void add(Room room) {
        em.persist(room);
        em.flush();
        em.persist(new RoomMessageCounter(room.id()));
        em.flush();
    }

    @Override
    public void remove(Room room) {
        em.createQuery("DELETE FROM ChatMessage m WHERE m.roomId = :id").setParameter("id", room.id()).executeUpdate();
        em.createQuery("DELETE FROM Invitation i WHERE i.roomId = :id").setParameter("id", room.id()).executeUpdate();
        em.createQuery("DELETE FROM RoomMessageCounter c WHERE c.roomId = :id").setParameter("id", room.id())
                .executeUpdate();
        em.remove(room);
    }
}
