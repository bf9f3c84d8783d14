package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.PolicyRepository;
import org.openpchat.chat.domain.policy.Scope;

@ApplicationScoped
public class JpaPolicyRepository implements PolicyRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaPolicyRepository() {
    }

    public JpaPolicyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ChatPolicy> policies() {
        return em.createQuery("SELECT p FROM ChatPolicy p ORDER BY p.identity", ChatPolicy.class).getResultList();
    }

    @Override
    public Optional<ChatPolicy> policy(Scope scope) {
        return em.createQuery("SELECT p FROM ChatPolicy p WHERE LOWER(p.identity) = LOWER(:identity)", ChatPolicy.class)
                .setParameter("identity", scope.identity()).getResultStream().findFirst();
    }

    @Override
    public void add(ChatPolicy policy) {
        em.persist(policy);
    }

    @Override
    public void remove(ChatPolicy policy) {
        em.remove(policy);
    }

    @Override
    public List<ChatConfiguration> configurations() {
        return em.createQuery("SELECT c FROM ChatConfiguration c ORDER BY c.identity", ChatConfiguration.class)
                .getResultList();
    }

    @Override
    public Optional<ChatConfiguration> configuration(Scope scope) {
        return em.createQuery("SELECT c FROM ChatConfiguration c WHERE LOWER(c.identity) = LOWER(:identity)",
                        ChatConfiguration.class)
                .setParameter("identity", scope.identity()).getResultStream().findFirst();
    }

    @Override
    public void add(ChatConfiguration configuration) {
        em.persist(configuration);
    }

    @Override
    public void remove(ChatConfiguration configuration) {
        em.remove(configuration);
    }
}
