package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openpchat.chat.domain.preference.PreferenceRepository;
import org.openpchat.chat.domain.preference.UserPreference;
import org.openpchat.chat.domain.principal.PrincipalId;

@ApplicationScoped
public class JpaPreferenceRepository implements PreferenceRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaPreferenceRepository() {
    }

    public JpaPreferenceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserPreference> find(PrincipalId owner, String label) {
        return em.createQuery("SELECT p FROM UserPreference p WHERE p.owner = :owner AND p.label = :label",
                        UserPreference.class)
                .setParameter("owner", owner)
                .setParameter("label", label)
                .getResultStream().findFirst();
    }

    @Override
    public void add(UserPreference preference) {
        em.persist(preference);
    }

    @Override
    public long countOf(PrincipalId owner) {
        return em.createQuery("SELECT COUNT(p) FROM UserPreference p WHERE p.owner = :owner", Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }
}
