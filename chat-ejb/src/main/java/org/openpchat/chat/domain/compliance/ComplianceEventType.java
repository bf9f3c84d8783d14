package org.openpchat.chat.domain.compliance;

/** What a participant did, as the Lync compliance schema enumerates it. */
public enum ComplianceEventType {
    JOIN, PART, CHAT, BACKCHAT, FILEUPLOAD, FILEDOWNLOAD;

    /** CHAT carries the message id and text; BACKCHAT and the file events carry a description. */
    public boolean hasContent() {
        return this != JOIN && this != PART;
    }
}
