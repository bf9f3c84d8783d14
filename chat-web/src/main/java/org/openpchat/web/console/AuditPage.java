package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openpchat.chat.application.audit.AuditEntry;
import org.openpchat.chat.application.audit.AuditService;

/** The audit log (as {@code GET audit}): the changes since an instant, newest first. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    @EJB
    private AuditService audit;
    @Inject
    private ConsoleUser user;

    private LocalDateTime since = ConsoleTimes.utc(Instant.now().minus(DEFAULT_SPAN));
    private List<AuditEntry> entries;

    public List<AuditEntry> getEntries() {
        if (entries == null) {
            show();
        }
        return entries;
    }

    public void show() {
        entries = Feedback.attempt("filter:since", () -> {
            List<AuditEntry> oldestFirst = audit.since(user.actor(), ConsoleTimes.instant(since),
                    AuditService.MAX_PAGE);
            List<AuditEntry> newestFirst = new ArrayList<>(oldestFirst);
            Collections.reverse(newestFirst);
            return newestFirst;
        }).orElse(List.of());
    }

    /** The log holds more since then than one read returns: the newest are not shown. */
    public boolean isTruncated() {
        return getEntries().size() >= AuditService.MAX_PAGE;
    }

    public int getMaxPage() {
        return AuditService.MAX_PAGE;
    }

    public LocalDateTime getSince() {
        return since;
    }

    public void setSince(LocalDateTime since) {
        this.since = since;
    }
}
