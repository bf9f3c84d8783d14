package org.openpchat.chat.application;

import java.util.Locale;

/** Enumeration values as the cmdlets write them: {@code OPEN} is "Open". */
public final class EnumText {

    private EnumText() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        String name = value.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
