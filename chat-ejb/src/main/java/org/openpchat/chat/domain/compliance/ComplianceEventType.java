package org.openpchat.chat.domain.compliance;

/**
 * What happened, as the Lync compliance schema enumerates it (JOIN to FILEDOWNLOAD), plus this
 * server's moderation events: an administrator removed (REMOVE) or replaced (REPLACE) a post, or
 * cleared a room's history up to a date (CLEAR).
 */
public enum ComplianceEventType {
    JOIN, PART, CHAT, BACKCHAT, FILEUPLOAD, FILEDOWNLOAD, REMOVE, REPLACE, CLEAR;

    /**
     * CHAT carries the message id and text; REMOVE and REPLACE the message id and what the post
     * said (and, for REPLACE, what it says now); the others a description.
     */
    public boolean hasContent() {
        return this != JOIN && this != PART;
    }
}
