package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openpchat.chat.application.EntityLocks;

@ApplicationScoped
public class JpaEntityLocks implements EntityLocks {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaEntityLocks() {
    }

    public JpaEntityLocks(EntityManager em) {
        this.em = em;
    }

    @Override
    public <T> T lockForUpdate(T entity) {
        em.lock(entity, LockModeType.PESSIMISTIC_WRITE);
        return entity;
    }
}
