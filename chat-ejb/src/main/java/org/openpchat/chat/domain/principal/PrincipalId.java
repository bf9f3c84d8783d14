package org.openpchat.chat.domain.principal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Names a principal in access lists: {@code sip:alice@example.com}, {@code group:staff},
 * {@code ou:OU=Traders,DC=example,DC=com} or {@code domain:example.com}. Names compare
 * case-insensitively, as SIP addresses and directory names do.
 */
public record PrincipalId(PrincipalKind kind, String name) implements Serializable {

    public static final int MAX_LENGTH = 400;

    public PrincipalId {
        if (kind == null || name == null || name.isBlank()) {
            throw DomainException.invalid("a principal needs a kind and a name");
        }
        name = name.strip().toLowerCase(Locale.ROOT);
        if (kind == PrincipalKind.USER && !isSipAddress(name)) {
            throw DomainException.invalid("not a SIP address: " + name);
        }
        if (kind == PrincipalKind.OU && !name.startsWith("ou=")) {
            throw DomainException.invalid("an OU is named by a distinguished name starting with OU=: " + name);
        }
        if (name.length() + kind.prefix().length() + 1 > MAX_LENGTH) {
            throw DomainException.invalid("principal name too long: " + name);
        }
    }

    public static PrincipalId user(String sipAddress) {
        String address = sipAddress == null ? "" : sipAddress.strip();
        if (address.regionMatches(true, 0, "sip:", 0, 4)) {
            address = address.substring(4);
        }
        return new PrincipalId(PrincipalKind.USER, address);
    }

    public static PrincipalId group(String name) {
        return new PrincipalId(PrincipalKind.GROUP, name);
    }

    public static PrincipalId ou(String distinguishedName) {
        return new PrincipalId(PrincipalKind.OU, distinguishedName);
    }

    public static PrincipalId domain(String domain) {
        return new PrincipalId(PrincipalKind.DOMAIN, domain);
    }

    /** Parses the canonical text form produced by {@link #toString()}. */
    public static PrincipalId parse(String text) {
        if (text == null) {
            throw DomainException.invalid("missing principal");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw DomainException.invalid(
                    "a principal is written sip:<address>, group:<name>, ou:<DN> or domain:<name>: " + text);
        }
        String prefix = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        for (PrincipalKind kind : PrincipalKind.values()) {
            if (kind.prefix().equals(prefix)) {
                return new PrincipalId(kind, text.substring(colon + 1));
            }
        }
        throw DomainException.invalid("unknown principal kind '" + prefix + "' in " + text);
    }

    /** The SIP domain of a user, the domain itself for a domain, otherwise null. */
    public String sipDomain() {
        return switch (kind) {
            case USER -> name.substring(name.indexOf('@') + 1);
            case DOMAIN -> name;
            default -> null;
        };
    }

    /** For an OU: itself and every OU above it, nearest first. */
    public List<PrincipalId> ouAncestry() {
        List<PrincipalId> result = new ArrayList<>();
        if (kind != PrincipalKind.OU) {
            return result;
        }
        String dn = name;
        while (dn.startsWith("ou=")) {
            result.add(new PrincipalId(PrincipalKind.OU, dn));
            int comma = indexOfUnescapedComma(dn);
            if (comma < 0) {
                break;
            }
            dn = dn.substring(comma + 1).strip();
        }
        return result;
    }

    @Override
    public String toString() {
        return kind.prefix() + ":" + name;
    }

    private static boolean isSipAddress(String address) {
        int at = address.indexOf('@');
        return at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1
                && address.chars().noneMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ';');
    }

    private static int indexOfUnescapedComma(String dn) {
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ',') {
                return i;
            }
        }
        return -1;
    }
}
