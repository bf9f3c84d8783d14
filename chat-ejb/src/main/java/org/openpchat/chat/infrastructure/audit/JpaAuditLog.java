package org.openpchat.chat.infrastructure.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.application.audit.AuditEntry;
import org.openpchat.chat.application.audit.AuditLog;

/** Audit entries in mgc (AUDIT_LOG), the item views as JSON. */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

    private static final int MAX_TEXT = 400;
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    private final Clock clock;

    protected JpaAuditLog() {
        this.clock = Clock.systemUTC();
    }

    public JpaAuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String target, Object before, Object after) {
        em.persist(new AuditRecord(clock.instant(), cut(actor), cut(action), cut(target), json(before),
                json(after)));
        // now: EclipseLink would otherwise insert one transaction's entries in any order, and their
        // identity values are what orders the log
        em.flush();
    }

    @Override
    public List<AuditEntry> since(Instant since, int max) {
        return em.createQuery("SELECT a FROM AuditRecord a WHERE a.at >= :since ORDER BY a.id", AuditRecord.class)
                .setParameter("since", since).setMaxResults(max).getResultStream().map(AuditRecord::entry).toList();
    }

    private static String json(Object view) {
        if (view == null) {
            return null;
        }
        String json = JSON.toJson(view);
        return json.length() <= AuditRecord.MAX_JSON ? json
                : "{\"truncated\":true,\"characters\":" + json.length() + "}";
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
