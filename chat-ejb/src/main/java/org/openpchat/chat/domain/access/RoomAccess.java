package org.openpchat.chat.domain.access;

import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The permission rules in one place.
 *
 * <ul>
 * <li>The category's wall comes first: a denied principal is never a member, manager or
 * presenter, whatever the room's lists say (deny beats allow).</li>
 * <li>FIND: Open and Closed rooms by everyone the category admits, Secret rooms by members and
 * managers; disabled rooms by nobody but administrators.</li>
 * <li>JOIN: Open rooms by everyone the category admits, Closed and Secret rooms by members and
 * managers; nobody joins a disabled room.</li>
 * <li>READ_HISTORY: whoever may join, when the category keeps chat history.</li>
 * <li>POST: whoever may join; in an auditorium only presenters.</li>
 * <li>MANAGE and DISABLE: managers and administrators. DELETE: administrators only.</li>
 * <li>Moving to another category: administrators, and managers who are creators of the target.</li>
 * <li>Creating rooms in a category: its creators who are not denied, and administrators.</li>
 * </ul>
 * Administrators manage everything, but they take part in rooms (join, read, post) only as the
 * user rules allow; compliance capture is how content is audited.
 * <p>
 * A room an actor may not find at all ({@link #conceals}) is refused exactly as a room that does
 * not exist, whatever the actor tried: telling 403 from 404 would tell outsiders that a Secret
 * room exists, and its name would tell them what it is about.
 */
public final class RoomAccess {

    /** The refusal for a room that does not exist, or that the actor may not know of. */
    public static final String NO_SUCH_ROOM = "no such room";

    private RoomAccess() {
    }

    public static boolean permits(Actor actor, Operation operation, Room room) {
        Affiliations who = actor.affiliations();
        boolean participant = room.hasMember(who) || room.hasManager(who);
        return switch (operation) {
            case FIND -> actor.administrator()
                    || !room.disabled() && (room.privacy() == Privacy.SECRET ? participant : room.category().admits(who));
            case JOIN -> mayJoin(room, who, participant);
            case READ_HISTORY -> mayJoin(room, who, participant) && room.keepsChatHistory();
            case POST -> mayJoin(room, who, participant)
                    && (room.type() == RoomType.NORMAL || room.hasPresenter(who));
            case MANAGE, DISABLE -> actor.administrator() || room.hasManager(who);
            case DELETE -> actor.administrator();
        };
    }

    /**
     * Whether the room's existence is kept from the actor: a Secret room they are neither a
     * member nor a manager of, or a room whose category does not admit them. A disabled room the
     * actor could otherwise find is not concealed: they knew it, and are told it is disabled.
     */
    public static boolean conceals(Actor actor, Room room) {
        if (actor.administrator()) {
            return false;
        }
        Affiliations who = actor.affiliations();
        if (room.privacy() == Privacy.SECRET) {
            return !room.hasMember(who) && !room.hasManager(who);
        }
        // a manager is always admitted by the category (Room.hasManager): the wall binds managers too
        return !room.category().admits(who);
    }

    public static boolean mayMove(Actor actor, Room room, Category target) {
        return actor.administrator()
                || room.hasManager(actor.affiliations()) && target.letsCreateRooms(actor.affiliations());
    }

    public static boolean mayCreateRoom(Actor actor, Category category) {
        return actor.administrator() || category.letsCreateRooms(actor.affiliations());
    }

    public static void require(Actor actor, Operation operation, Room room) {
        if (!permits(actor, operation, room)) {
            if (conceals(actor, room)) {
                throw DomainException.notFound(NO_SUCH_ROOM);
            }
            if (room.disabled() && (operation == Operation.JOIN || operation == Operation.POST
                    || operation == Operation.READ_HISTORY)) {
                throw DomainException.disabled("room '" + room.name() + "' is disabled");
            }
            if (operation == Operation.POST && room.type() == RoomType.AUDITORIUM
                    && permits(actor, Operation.JOIN, room)) {
                throw DomainException.forbidden("only presenters may post in auditorium '" + room.name() + "'");
            }
            if (operation == Operation.READ_HISTORY && permits(actor, Operation.JOIN, room)) {
                throw DomainException.forbidden("category '" + room.category().name() + "' keeps no chat history");
            }
            throw DomainException.forbidden(actor.describe() + " may not " + operation.verb()
                    + " room '" + room.name() + "'");
        }
    }

    private static boolean mayJoin(Room room, Affiliations who, boolean participant) {
        if (room.disabled()) {
            return false;
        }
        return room.privacy() == Privacy.OPEN ? room.category().admits(who) : participant;
    }
}
