package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.addin.AddinRepository;
import org.openpchat.chat.domain.room.Room;

@ApplicationScoped
public class JpaAddinRepository implements AddinRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaAddinRepository() {
    }

    public JpaAddinRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Addin> findByName(String name) {
        return em.createQuery("SELECT a FROM Addin a WHERE a.name = :name", Addin.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public List<Addin> all() {
        return em.createQuery("SELECT a FROM Addin a ORDER BY a.name", Addin.class).getResultList();
    }

    @Override
    public long countRoomsUsing(Addin addin) {
        return em.createQuery("SELECT COUNT(r) FROM Room r WHERE r.addin = :a", Long.class)
                .setParameter("a", addin).getSingleResult();
    }

    @Override
    public void detachFromRooms(Addin addin) {
        em.createQuery("SELECT r FROM Room r WHERE r.addin = :a", Room.class).setParameter("a", addin)
                .getResultList().forEach(room -> room.useAddin(null));
    }

    @Override
    public void add(Addin addin) {
        em.persist(addin);
    }

    @Override
    public void remove(Addin addin) {
        em.remove(addin);
    }
}
