package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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

    /** Ids per IN list: well below every database's parameter limit (SQL Server: 2,100). */
    private static final int IN_LIST = 500;

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
    public Map<PrincipalId, Principal> findAll(Collection<PrincipalId> ids) {
        Map<PrincipalId, Principal> found = new HashMap<>();
        List<PrincipalId> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_LIST) {
            em.createQuery("SELECT p FROM Principal p WHERE p.principalId IN :ids", Principal.class)
                    .setParameter("ids", all.subList(i, Math.min(i + IN_LIST, all.size())))
                    .getResultStream().forEach(p -> found.put(p.principalId(), p));
        }
        return found;
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
        return search(kind, filter, 0, maxResults);
    }

    @Override
    public long countWithPolicy(String tag) {
        return em.createQuery("SELECT COUNT(p) FROM Principal p WHERE LOWER(p.policyTag) = :tag", Long.class)
                .setParameter("tag", tag.toLowerCase(Locale.ROOT)).getSingleResult();
    }

    @Override
    public List<Principal> groupsOf(PrincipalId member) {
        return em.createQuery("SELECT p FROM Principal p JOIN p.members m WHERE m = :member ORDER BY p.principalId",
                        Principal.class).setParameter("member", member).getResultList();
    }

    @Override
    public List<Principal> search(PrincipalKind kind, String filter, int offset, int maxResults) {
        String pattern = "%" + Like.escape(filter == null ? "" : filter.toLowerCase(Locale.ROOT)) + "%";
        String prefix = kind.prefix() + ":";
        return em.createQuery("SELECT p FROM Principal p WHERE p.principalId LIKE :prefix"
                        + " AND (LOWER(p.displayName) LIKE :pattern ESCAPE '!'"
                        + " OR p.principalId LIKE :keyPattern ESCAPE '!') ORDER BY p.principalId", Principal.class)
                .setParameter("prefix", prefix + "%")
                .setParameter("pattern", pattern)
                .setParameter("keyPattern", prefix + pattern)
                .setFirstResult(Math.max(0, offset))
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
