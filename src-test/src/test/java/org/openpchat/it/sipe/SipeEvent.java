package org.openpchat.it.sipe;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line sipe-driver printed on stdout: a type and tab-separated fields (see
 * src/test/sipe-driver/README.md). For the known types the last field keeps any tabs, so a
 * chat text is never cut.
 */
public record SipeEvent(String type, List<String> fields, String line) {

    public static final String SIGNED_ON = "SIGNED_ON";
    public static final String CONN_ERROR = "CONN_ERROR";
    public static final String CMD_OK = "CMD_OK";
    public static final String CMD_ERROR = "CMD_ERROR";
    public static final String CHAT_JOINED = "CHAT_JOINED";
    public static final String CHAT_LEFT = "CHAT_LEFT";
    public static final String CHAT_TOPIC = "CHAT_TOPIC";
    public static final String CHAT_BUDDY_JOINED = "CHAT_BUDDY_JOINED";
    public static final String CHAT_BUDDY_LEFT = "CHAT_BUDDY_LEFT";
    public static final String CHAT_MSG = "CHAT_MSG";
    public static final String CHAT_ERROR = "CHAT_ERROR";
    public static final String IM_MSG = "IM_MSG";
    public static final String IM_ERROR = "IM_ERROR";
    public static final String NOTIFY = "NOTIFY";
    public static final String REQUEST = "REQUEST";
    public static final String ROOM = "ROOM";
    public static final String ROOMLIST_DONE = "ROOMLIST_DONE";
    public static final String EXIT = "EXIT";

    /** Number of fields after the type, per known type. */
    private static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry(SIGNED_ON, 1), Map.entry(CONN_ERROR, 2), Map.entry(CMD_OK, 1), Map.entry(CMD_ERROR, 1),
            Map.entry(CHAT_JOINED, 1), Map.entry(CHAT_LEFT, 1), Map.entry(CHAT_TOPIC, 2),
            Map.entry(CHAT_BUDDY_JOINED, 3), Map.entry(CHAT_BUDDY_LEFT, 2), Map.entry(CHAT_MSG, 3),
            Map.entry(CHAT_ERROR, 2), Map.entry(IM_MSG, 2), Map.entry(IM_ERROR, 2), Map.entry(NOTIFY, 3), Map.entry(REQUEST, 3),
            Map.entry(ROOM, 7), Map.entry(ROOMLIST_DONE, 0), Map.entry(EXIT, 0));

    public SipeEvent {
        Objects.requireNonNull(type);
        fields = List.copyOf(fields);
    }

    public static SipeEvent parse(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int tab = text.indexOf('\t');
        String type = tab < 0 ? text : text.substring(0, tab);
        if (tab < 0) {
            return new SipeEvent(type, List.of(), text);
        }
        String rest = text.substring(tab + 1);
        Integer arity = ARITY.get(type);
        String[] parts = arity == null || arity == 0 ? rest.split("\t", -1) : rest.split("\t", arity);
        return new SipeEvent(type, Arrays.asList(parts), text);
    }

    /** Whether the driver documents this type. */
    public boolean known() {
        return ARITY.containsKey(type);
    }

    /** The field at index (0 = the first after the type), "" when absent. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    /**
     * Same type, and each given regular expression matches the whole field at its position
     * (null matches anything). Fewer patterns than fields: the rest are not checked.
     */
    public boolean matches(String expectedType, String... fieldPatterns) {
        if (!type.equals(expectedType)) {
            return false;
        }
        for (int i = 0; i < fieldPatterns.length; i++) {
            if (fieldPatterns[i] == null) {
                continue;
            }
            if (i >= fields.size() || !Pattern.compile(fieldPatterns[i], Pattern.DOTALL).matcher(fields.get(i)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Room title of CHAT_* events. */
    public String room() {
        return field(0);
    }

    /** sip: URI of CHAT_MSG authors and CHAT_BUDDY_* members. */
    public String who() {
        return field(1);
    }

    /** Text of CHAT_MSG; of CHAT_ERROR it is {@link #field(int) field(1)}. */
    public String text() {
        return switch (type) {
            case CHAT_MSG -> field(2);
            case CHAT_ERROR, IM_MSG, IM_ERROR, CONN_ERROR -> field(1);
            case NOTIFY -> (field(1) + " " + field(2)).trim();
            default -> String.join("\t", fields);
        };
    }

    /** A ROOM event as a room-list entry. */
    public Room asRoom() {
        if (!ROOM.equals(type)) {
            throw new IllegalStateException("not a ROOM event: " + line);
        }
        return new Room(field(0), field(1), number(field(2)), number(field(3)) != 0, number(field(4)) != 0,
                number(field(5)) != 0, field(6));
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return line.replace('\t', '|');
    }

    /** A room as SIPE lists it (rpl:chansrch). */
    public record Room(String name, String uri, int users, boolean invite, boolean isPrivate, boolean logged,
            String description) {
    }
}
