package org.openpchat.chat.application.room;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;

/**
 * Get-CsPersistentChatRoom filters; null means any. The name filter is a wildcard pattern when it
 * holds {@code *} (any run) or {@code ?} (one character), like PowerShell's -like; otherwise
 * the name must contain it. Case is ignored.
 */
public record RoomQuery(String nameContains, boolean searchDescription, String category, Privacy privacy,
        RoomType type, Boolean disabled, PrincipalId manager, PrincipalId member, String addin, int maxResults)
        implements Serializable {

    public static RoomQuery all() {
        return new RoomQuery(null, false, null, null, null, null, null, null, null, 1000);
    }

    public static RoomQuery nameContains(String text) {
        return new RoomQuery(text, false, null, null, null, null, null, null, null, 1000);
    }

    public boolean matches(Room room) {
        return matchesText(room)
                && (category == null || room.category().name().equalsIgnoreCase(category))
                && (privacy == null || room.privacy() == privacy)
                && (type == null || room.type() == type)
                && (disabled == null || room.disabled() == disabled)
                && (manager == null || room.managers().contains(manager))
                && (member == null || room.members().contains(member))
                && (addin == null || room.addin() != null && room.addin().name().equalsIgnoreCase(addin));
    }

    private boolean matchesText(Room room) {
        if (nameContains == null || nameContains.isBlank()) {
            return true;
        }
        Predicate<String> test = textTest(nameContains);
        return test.test(room.name()) || searchDescription && room.description() != null
                && test.test(room.description());
    }

    private static Predicate<String> textTest(String filter) {
        if (filter.indexOf('*') < 0 && filter.indexOf('?') < 0) {
            String needle = filter.toLowerCase(Locale.ROOT);
            return text -> text.toLowerCase(Locale.ROOT).contains(needle);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : filter.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                | Pattern.DOTALL);
        return text -> pattern.matcher(text).matches();
    }
}
