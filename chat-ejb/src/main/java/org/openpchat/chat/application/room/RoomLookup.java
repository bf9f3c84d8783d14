package org.openpchat.chat.application.room;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;
import org.openpchat.chat.domain.room.RoomUri;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Finds a room by its URI ({@code ma-chan://domain/id}) or by its name. Looked up for an actor,
 * a room they may not know of is not found, with the very text of a room that does not exist.
 */
@Dependent
public class RoomLookup {

    @Inject
    private RoomRepository rooms;
    @Inject
    private ChatServerSettings settings;

    public RoomLookup() {
    }

    /** Outside the container (tests): over this repository. */
    public RoomLookup(RoomRepository rooms, ChatServerSettings settings) {
        this.rooms = rooms;
        this.settings = settings;
    }

    /** The room as the actor may know it: concealed rooms are not found ({@link RoomAccess#conceals}). */
    public Room find(Actor actor, String reference) {
        Room room = find(reference);
        if (RoomAccess.conceals(actor, room)) {
            throw notFound(reference);
        }
        return room;
    }

    /** Any room, whoever asks: for administrators' tools and for callers that check access themselves. */
    public Room find(String reference) {
        if (reference == null || reference.isBlank()) {
            throw DomainException.invalid("missing room");
        }
        if (reference.regionMatches(true, 0, RoomUri.SCHEME, 0, RoomUri.SCHEME.length())) {
            RoomUri uri = RoomUri.parse(reference);
            if (!uri.sipDomain().equalsIgnoreCase(settings.sipDomain())) {
                throw DomainException.notFound("no such room on this server: " + reference);
            }
            return rooms.findByUid(uri.roomUid()).orElseThrow(() -> notFound(reference));
        }
        return rooms.findByName(reference.strip()).orElseThrow(() -> notFound(reference));
    }

    /** The refusal of a missing room: names what the caller asked for, never what is stored. */
    public static DomainException notFound(String reference) {
        return DomainException.notFound(RoomAccess.NO_SUCH_ROOM + ": " + reference);
    }

    public RoomUri uriOf(Room room) {
        return room.uri(settings.sipDomain());
    }
}
