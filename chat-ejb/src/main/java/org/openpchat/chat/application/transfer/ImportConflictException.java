package org.openpchat.chat.application.transfer;

import java.util.List;

/** An import would overwrite items that exist and differ; nothing was changed. */
public class ImportConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> conflicts;

    public ImportConflictException(List<String> conflicts) {
        super(conflicts.size() + " item(s) of the archive exist already and differ; import with replace to"
                + " overwrite them: " + String.join(", ", conflicts.subList(0, Math.min(conflicts.size(), 20)))
                + (conflicts.size() > 20 ? ", ..." : ""));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
