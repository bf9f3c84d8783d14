package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;

@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaCategoryRepository() {
    }

    public JpaCategoryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Category> findByName(String name) {
        return em.createQuery("SELECT c FROM Category c WHERE c.name = :name", Category.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public Optional<Category> findByUid(String uid) {
        return em.createQuery("SELECT c FROM Category c WHERE c.uid = :uid", Category.class)
                .setParameter("uid", uid).getResultStream().findFirst();
    }

    @Override
    public List<Category> all() {
        return em.createQuery("SELECT c FROM Category c ORDER BY c.name", Category.class).getResultList();
    }

    @Override
    public long countRooms(Category category) {
        return em.createQuery("SELECT COUNT(r) FROM Room r WHERE r.category = :c", Long.class)
                .setParameter("c", category).getSingleResult();
    }

    @Override
    public void add(Category category) {
        em.persist(category);
    }

    @Override
    public void remove(Category category) {
        em.remove(category);
    }
}
