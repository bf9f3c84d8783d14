package org.openpchat.chat.domain.room;

import org.openpchat.chat.domain.shared.DomainException;

/** The address clients use for a room: {@code ma-chan://<sip-domain>/<room uid>}. */
public record RoomUri(String sipDomain, String roomUid) {

    public static final String SCHEME = "ma-chan://";

    public RoomUri {
        if (sipDomain == null || sipDomain.isBlank() || sipDomain.contains("/")) {
            throw DomainException.invalid("bad SIP domain in room URI: " + sipDomain);
        }
        if (roomUid == null || roomUid.isBlank() || roomUid.contains("/")) {
            throw DomainException.invalid("bad room id in room URI: " + roomUid);
        }
    }

    public static RoomUri parse(String text) {
        if (text == null || !text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw DomainException.invalid("not a room URI (ma-chan://<domain>/<id>): " + text);
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw DomainException.invalid("not a room URI (ma-chan://<domain>/<id>): " + text);
        }
        return new RoomUri(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return SCHEME + sipDomain + "/" + roomUid;
    }
}
