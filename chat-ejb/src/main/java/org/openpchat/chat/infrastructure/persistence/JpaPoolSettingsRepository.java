package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openpchat.chat.domain.pool.PoolSettings;
import org.openpchat.chat.domain.pool.PoolSettingsRepository;

/** The pool's settings: the one row of POOL_SETTINGS (and its active servers in POOL_ACTIVE_SERVER). */
@ApplicationScoped
public class JpaPoolSettingsRepository implements PoolSettingsRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaPoolSettingsRepository() {
    }

    public JpaPoolSettingsRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<PoolSettings> find() {
        return Optional.ofNullable(em.find(PoolSettings.class, PoolSettings.ID));
    }

    @Override
    public void add(PoolSettings settings) {
        em.persist(settings);
    }
}
