package org.openpchat.chat.application.transfer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.domain.access.Actor;

/** Records an import in the audit log, in its own transaction. */
@Stateless
public class ImportAudit {

    @Inject
    private Audit audit;

    public ImportAudit() {
    }

    /** Outside the container (tests): into this audit log. */
    public ImportAudit(Audit audit) {
        this.audit = audit;
    }

    public void started(Actor actor, Job job, ArchiveContent content, boolean replace, List<String> replaced) {
        audit.created(actor, "Import-CsPersistentChatData", "job:" + job.id(), new Summary(content.manifest(),
                content.categories().size(), content.rooms().size(), content.users().size(), replace, replaced));
    }

    /** What the audit log shows of an import. */
    public record Summary(Manifest archive, int categories, int rooms, int users, boolean replace,
            List<String> replaced) implements Serializable {
    }
}
