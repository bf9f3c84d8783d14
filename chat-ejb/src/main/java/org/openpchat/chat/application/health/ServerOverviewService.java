package org.openpchat.chat.application.health;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.compliance.CompliancePipeline;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.room.RoomRepository;

/** The dashboard's figures, for administrators. "Today" is the UTC day, as the compliance export's. */
@Stateless
public class ServerOverviewService {

    @EJB
    private HealthService health;
    @EJB
    private CompliancePipeline compliance;
    @EJB
    private SignedInConnections connections;
    @EJB
    private RoomOccupancy occupancy;
    @Inject
    private RoomRepository rooms;
    @Inject
    private MessageRepository messages;

    private final Clock clock;

    public ServerOverviewService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over these parts, with this clock. */
    public ServerOverviewService(HealthService health, CompliancePipeline compliance,
            SignedInConnections connections, RoomOccupancy occupancy, RoomRepository rooms,
            MessageRepository messages, Clock clock) {
        this.health = health;
        this.compliance = compliance;
        this.connections = connections;
        this.occupancy = occupancy;
        this.rooms = rooms;
        this.messages = messages;
        this.clock = clock;
    }

    public ServerOverview overview(Actor actor) {
        actor.requireAdministrator("see the server's overview");
        return new ServerOverview(health.databases(), connections.count(), occupancy.usersInRooms(),
                rooms.count(), messages.countSince(LocalDate.now(clock).atStartOfDay(ZoneOffset.UTC).toInstant()),
                compliance.status(actor));
    }
}
