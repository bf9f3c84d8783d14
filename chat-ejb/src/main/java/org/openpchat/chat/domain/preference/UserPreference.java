package org.openpchat.chat.domain.preference;

import java.time.Instant;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * A value a client keeps on the server for its user under a label (Lync's client preferences,
 * e.g. the followed rooms under {@code kedzie.GroupChannels}). The server does not interpret
 * the content; every change raises the sequence number clients see.
 */
public class UserPreference {

    public static final int MAX_LABEL = 256;
    public static final int MAX_CONTENT = 32000;

    private Long id;
    private PrincipalId owner;
    private String label;
    private String content;
    private long sequence;
    private Instant updatedAt;

    protected UserPreference() {
    }

    public UserPreference(PrincipalId owner, String label, Instant createdAt) {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw DomainException.invalid("a preference label has 1 to " + MAX_LABEL + " characters");
        }
        this.owner = owner;
        this.label = label;
        this.content = "";
        this.updatedAt = createdAt;
    }

    public void replace(String newContent, Instant at) {
        String value = newContent == null ? "" : newContent;
        if (value.length() > MAX_CONTENT) {
            throw DomainException.invalid("a preference holds at most " + MAX_CONTENT + " characters, not "
                    + value.length());
        }
        content = value;
        sequence++;
        updatedAt = at;
    }

    public Long id() {
        return id;
    }

    public PrincipalId owner() {
        return owner;
    }

    public String label() {
        return label;
    }

    public String content() {
        return content;
    }

    public long sequence() {
        return sequence;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
