package org.openpchat.chat.application.room;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;
import org.openpchat.chat.domain.room.RoomUri;
import org.openpchat.chat.domain.shared.DomainException;

/** Finds a room by its URI ({@code ma-chan://domain/id}) or by its name. */
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

    public Room find(String reference) {
        if (reference == null || reference.isBlank()) {
            throw DomainException.invalid("missing room");
        }
        if (reference.regionMatches(true, 0, RoomUri.SCHEME, 0, RoomUri.SCHEME.length())) {
            RoomUri uri = RoomUri.parse(reference);
            if (!uri.sipDomain().equalsIgnoreCase(settings.sipDomain())) {
                throw DomainException.notFound("no such room on this server: " + reference);
            }
            return rooms.findByUid(uri.roomUid())
                    .orElseThrow(() -> DomainException.notFound("no such room: " + reference));
        }
        return rooms.findByName(reference.strip())
                .orElseThrow(() -> DomainException.notFound("no such room: " + reference));
    }

    public RoomUri uriOf(Room room) {
        return room.uri(settings.sipDomain());
    }
}
