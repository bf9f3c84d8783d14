package org.openpchat.chat.application.compliance;

import java.util.List;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/**
 * The transactional outbox of compliance events, kept in the chat database (mgc). A use case adds
 * its event in its own transaction, so the event is stored if and only if the action commits;
 * {@link ComplianceOutboxRelay} moves the entries to the compliance queue afterwards.
 */
public interface ComplianceOutbox {

    /** Adds the event in the caller's transaction. */
    void add(ComplianceEvent event);

    /** The oldest committed entries, in the order they were added (at most {@code max}). */
    List<Entry> oldest(int max);

    /** Removes sent entries by their sequence numbers; unknown ones are ignored. */
    void remove(List<Long> sequences);

    /** Entries waiting to be sent. */
    long count();

    /** One waiting event and its place in the outbox. */
    record Entry(long sequence, ComplianceEvent event) {
    }
}
