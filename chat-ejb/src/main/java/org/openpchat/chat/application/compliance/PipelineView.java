package org.openpchat.chat.application.compliance;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where compliance events are: waiting in the mgc outbox, stored in mgccomp and not yet exported,
 * given up on (dead letters); and this server's last export (null before the first).
 */
public record PipelineView(long outbox, long unprocessed, long deadLetters, Instant lastExport, int lastExported)
        implements Serializable {
}
