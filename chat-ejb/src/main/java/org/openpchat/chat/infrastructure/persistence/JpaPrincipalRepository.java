package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.principal.PrincipalRepository;

@ApplicationScoped
public class JpaPrincipalRepository implements PrincipalRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaPrincipalRepository() {
    }

    public JpaPrincipalRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Principal> find(PrincipalId id) {
        return em.createQuery("SELECT p FROM Principal p WHERE p.principalId = :id", Principal.class)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public Set<PrincipalId> groupsDirectlyContaining(PrincipalId member) {
        return new LinkedHashSet<>(em.createQuery(
                "SELECT p.principalId FROM Principal p JOIN p.members m WHERE m = :member", PrincipalId.class)
                .setParameter("member", member)
                .getResultList());
    }

    @Override
    public List<Principal> search(PrincipalKind kind, String filter, int maxResults) {
        String pattern = "%" + Like.escape(filter == null ? "" : filter.toLowerCase(Locale.ROOT)) + "%";
        String prefix = kind.prefix() + ":";
        return em.createQuery("SELECT p FROM Principal p WHERE p.principalId LIKE :prefix"
                        + " AND (LOWER(p.displayName) LIKE :pattern ESCAPE '!'"
                        + " OR p.principalId LIKE :keyPattern ESCAPE '!') ORDER BY p.principalId", Principal.class)
                .setParameter("prefix", prefix + "%")
                .setParameter("pattern", pattern)
                .setParameter("keyPattern", prefix + pattern)
                .setMaxResults(maxResults)
                .getResultList();
    }

    @Override
    public void add(Principal principal) {
        em.persist(principal);
    }

    @Override
    public void remove(Principal principal) {
        em.remove(principal);
    }
}
