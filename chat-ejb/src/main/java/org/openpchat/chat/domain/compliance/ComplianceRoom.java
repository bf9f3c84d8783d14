package org.openpchat.chat.domain.compliance;

import java.io.Serializable;
import java.util.Objects;

/** The room an event happened in, as it was at the time (name and category may change later). */
public record ComplianceRoom(String uid, String uri, String name, String category, String description)
        implements Serializable {

    public ComplianceRoom {
        Objects.requireNonNull(uid, "room uid");
        Objects.requireNonNull(uri, "room uri");
        Objects.requireNonNull(name, "room name");
    }
}
