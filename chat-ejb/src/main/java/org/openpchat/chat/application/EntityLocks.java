package org.openpchat.chat.application;

/**
 * Row locks for read-check-write changes: two administrators changing one item are serialised,
 * so a version check and the write that follows it cannot interleave.
 */
public interface EntityLocks {

    /** Locks a managed entity until the transaction ends and returns it re-read. */
    <T> T lockForUpdate(T entity);
}
