package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.chat.domain.endpoint.ChatEndpointRepository;

@ApplicationScoped
public class JpaChatEndpointRepository implements ChatEndpointRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaChatEndpointRepository() {
    }

    public JpaChatEndpointRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ChatEndpoint> find(String sipAddress) {
        return em.createQuery("SELECT e FROM ChatEndpoint e WHERE e.sipAddress = :address", ChatEndpoint.class)
                .setParameter("address", sipAddress).getResultStream().findFirst();
    }

    @Override
    public List<ChatEndpoint> all() {
        return em.createQuery("SELECT e FROM ChatEndpoint e ORDER BY e.sipAddress", ChatEndpoint.class)
                .getResultList();
    }

    @Override
    public int lockAll() {
        return em.createQuery("SELECT e FROM ChatEndpoint e", ChatEndpoint.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().size();
    }

    @Override
    public void add(ChatEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public void remove(ChatEndpoint endpoint) {
        em.remove(endpoint);
    }
}
