package org.openpchat.web.console;

import java.util.Objects;

/** Text fields of console forms as the services' change requests take them. */
public final class TextFields {

    private TextFields() {
    }

    /**
     * The new value of a field, or null when it did not change. Faces submits an emptied field as
     * null (which a change request reads as "unchanged"), so clearing it is sent as "".
     */
    public static String change(String before, String after) {
        if (Objects.equals(blankToNull(before), blankToNull(after))) {
            return null;
        }
        return after == null ? "" : after;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
