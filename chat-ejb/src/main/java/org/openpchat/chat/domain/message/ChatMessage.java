package org.openpchat.chat.domain.message;

import java.time.Instant;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * One post in a room. {@code messageId} increases by one per post within its room. Only an
 * administrator's moderation changes a stored post: its text may be replaced.
 */
public class ChatMessage {

    /** Characters; a post longer than this is refused, not cut. */
    public static final int MAX_CONTENT = 8000;

    private Long id;
    private Long roomId;
    private long messageId;
    private PrincipalId author;
    private Instant postedAt;
    private String content;

    protected ChatMessage() {
    }

    public ChatMessage(Long roomId, long messageId, PrincipalId author, Instant postedAt, String content) {
        requireValidContent(content);
        this.roomId = roomId;
        this.messageId = messageId;
        this.author = author;
        this.postedAt = postedAt;
        this.content = content;
    }

    public static void requireValidContent(String content) {
        if (content == null || content.isEmpty()) {
            throw DomainException.invalid("a message needs content");
        }
        if (content.length() > MAX_CONTENT) {
            throw DomainException.invalid("message too large: " + content.length() + " characters, limit "
                    + MAX_CONTENT);
        }
    }

    /** Lync's Remove-CsPersistentChatMessage -ReplaceMessage default. */
    public static final String REPLACED_BY_ADMINISTRATOR =
            "This message was replaced by the Persistent Chat administrator.";

    public void replaceContent(String replacement) {
        requireValidContent(replacement);
        this.content = replacement;
    }

    /** The store's own key (not the room's message id); orders posts of one instant. */
    public Long id() {
        return id;
    }

    public Long roomId() {
        return roomId;
    }

    public long messageId() {
        return messageId;
    }

    public PrincipalId author() {
        return author;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String content() {
        return content;
    }
}
