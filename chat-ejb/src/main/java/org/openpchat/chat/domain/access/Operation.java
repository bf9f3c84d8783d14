package org.openpchat.chat.domain.access;

/** What an actor may try to do with a room. */
public enum Operation {
    /** See the room in a room search. */
    FIND("find"),
    JOIN("join"),
    READ_HISTORY("read the history of"),
    POST("post in"),
    /** Change the room's properties and lists, except its category. */
    MANAGE("manage"),
    DISABLE("disable"),
    DELETE("delete");

    private final String verb;

    Operation(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
