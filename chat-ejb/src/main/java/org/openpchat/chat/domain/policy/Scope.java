package org.openpchat.chat.domain.policy;

import java.io.Serializable;
import java.util.Locale;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Where a policy or a configuration applies, in the Lync identity syntax: {@code global},
 * {@code site:<name>}, {@code service:PersistentChatServer:<fqdn>}, or a per-user policy tag
 * ({@code tag:<name>}, or a bare name).
 */
public record Scope(Kind kind, String name) implements Serializable {

    public enum Kind {
        GLOBAL, SITE, SERVICE, TAG
    }

    public static final Scope GLOBAL = new Scope(Kind.GLOBAL, null);
    private static final String SERVICE_PREFIX = "service:persistentchatserver:";

    public Scope {
        if (kind != Kind.GLOBAL && (name == null || name.isBlank())) {
            throw DomainException.invalid(kind.name().toLowerCase(Locale.ROOT) + " scope needs a name");
        }
        name = kind == Kind.GLOBAL ? null : name.strip();
    }

    public static Scope site(String name) {
        return new Scope(Kind.SITE, name);
    }

    public static Scope service(String fqdn) {
        return new Scope(Kind.SERVICE, fqdn.toLowerCase(Locale.ROOT));
    }

    public static Scope tag(String name) {
        return new Scope(Kind.TAG, name);
    }

    public static Scope parse(String identity) {
        if (identity == null || identity.isBlank()) {
            throw DomainException.invalid("missing scope identity");
        }
        String text = identity.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("global")) {
            return GLOBAL;
        }
        if (lower.startsWith("site:")) {
            return site(text.substring(5));
        }
        if (lower.startsWith(SERVICE_PREFIX)) {
            return service(text.substring(SERVICE_PREFIX.length()));
        }
        if (lower.startsWith("service:")) {
            throw DomainException.invalid("a service scope is service:PersistentChatServer:<fqdn>: " + text);
        }
        if (lower.startsWith("tag:")) {
            return tag(text.substring(4));
        }
        if (text.contains(":")) {
            throw DomainException.invalid("unknown scope: " + text);
        }
        return tag(text);
    }

    /** Canonical identity; {@link #parse} reads it back. */
    public String identity() {
        return switch (kind) {
            case GLOBAL -> "global";
            case SITE -> "site:" + name;
            case SERVICE -> "service:PersistentChatServer:" + name;
            case TAG -> "tag:" + name;
        };
    }

    @Override
    public String toString() {
        return identity();
    }
}
