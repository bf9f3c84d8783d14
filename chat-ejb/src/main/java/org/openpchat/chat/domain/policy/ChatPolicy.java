package org.openpchat.chat.domain.policy;

import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * Persistent Chat policy: whether users may use Persistent Chat at all. Global, per site, or a
 * tag granted to users; the most specific one that applies to a user wins.
 */
public class ChatPolicy {

    private Long id;
    private String identity;
    private String description;
    private boolean enablePersistentChat;
    private long version;

    protected ChatPolicy() {
    }

    public ChatPolicy(Scope scope, boolean enablePersistentChat, String description) {
        if (scope.kind() == Scope.Kind.SERVICE) {
            throw DomainException.invalid("a Persistent Chat policy is global, per site or a tag: " + scope);
        }
        this.identity = scope.identity();
        this.enablePersistentChat = enablePersistentChat;
        describe(description);
    }

    public void enable(boolean enabled) {
        this.enablePersistentChat = enabled;
    }

    public void describe(String newDescription) {
        this.description = Validate.optionalText(newDescription, "description", 1024);
    }

    public Long id() {
        return id;
    }

    public Scope scope() {
        return Scope.parse(identity);
    }

    public String description() {
        return description;
    }

    public boolean enablePersistentChat() {
        return enablePersistentChat;
    }
}
