package org.openpchat.chat.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
    public List<Invitation> newestForAnyOf(Collection<PrincipalId> invitees, int max) {
        if (invitees.isEmpty()) {
            return List.of();
        }
        List<Invitation> newest = new ArrayList<>(em.createQuery(
                        "SELECT i FROM Invitation i WHERE i.invitee IN :invitees"
                                + " ORDER BY i.createdAt DESC, i.id DESC", Invitation.class)
                .setParameter("invitees", List.copyOf(invitees))
                .setMaxResults(max)
                .getResultList());
        Collections.reverse(newest);
        return newest;
    }
}
