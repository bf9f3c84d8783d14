package org.openpchat.chat.application.transfer;

import java.io.Serializable;
import java.time.Instant;
import org.openpchat.chat.application.room.RoomView;

/** A room in an archive: its id (its URI keeps working after an import), creation time and view. */
public record ExportedRoom(String uid, Instant createdAt, RoomView room) implements Serializable {
}
