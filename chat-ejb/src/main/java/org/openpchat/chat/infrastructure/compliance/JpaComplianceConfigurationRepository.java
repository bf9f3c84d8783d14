package org.openpchat.chat.infrastructure.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.compliance.ComplianceConfigurationRepository;
import org.openpchat.chat.domain.policy.Scope;

@ApplicationScoped
public class JpaComplianceConfigurationRepository implements ComplianceConfigurationRepository {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaComplianceConfigurationRepository() {
    }

    public JpaComplianceConfigurationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ComplianceConfiguration> all() {
        return em.createQuery("SELECT c FROM ComplianceConfiguration c ORDER BY c.identity",
                ComplianceConfiguration.class).getResultList();
    }

    @Override
    public Optional<ComplianceConfiguration> find(Scope scope) {
        return em.createQuery("SELECT c FROM ComplianceConfiguration c WHERE LOWER(c.identity) = LOWER(:identity)",
                        ComplianceConfiguration.class)
                .setParameter("identity", scope.identity()).getResultStream().findFirst();
    }

    @Override
    public void add(ComplianceConfiguration configuration) {
        em.persist(configuration);
    }

    @Override
    public void remove(ComplianceConfiguration configuration) {
        em.remove(configuration);
    }
}
