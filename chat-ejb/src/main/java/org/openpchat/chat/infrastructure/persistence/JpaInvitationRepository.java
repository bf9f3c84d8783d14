package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.invitation.InvitationRepository;
import org.openpchat.chat.domain.principal.PrincipalId;

@ApplicationScoped
public class JpaInvitationRepository implements InvitationRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaInvitationRepository() {
    }

    public JpaInvitationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Invitation invitation) {
        em.persist(invitation);
    }

    @Override
    public List<Invitation> forAnyOf(Collection<PrincipalId> invitees, long afterId, int max) {
        if (invitees.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT i FROM Invitation i WHERE i.invitee IN :invitees AND i.id > :after"
                        + " ORDER BY i.id", Invitation.class)
                .setParameter("invitees", List.copyOf(invitees))
                .setParameter("after", afterId)
                .setMaxResults(max)
                .getResultList();
    }
}
