package org.openpchat.chat.domain.principal;

/** What a principal reference names: a person, a group of principals, or a directory scope. */
public enum PrincipalKind {
    USER("sip"),
    GROUP("group"),
    /** An organisational unit, named by its distinguished name; contains the OUs below it. */
    OU("ou"),
    /** A SIP domain: every user whose address is in it. */
    DOMAIN("domain");

    private final String prefix;

    PrincipalKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
