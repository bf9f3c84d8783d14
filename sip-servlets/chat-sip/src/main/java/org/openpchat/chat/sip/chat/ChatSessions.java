package org.openpchat.chat.sip.chat;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The chat dialogs of this node and the rooms each has joined: who gets a post, a join or a
 * part. A user may be in a room from several dialogs (several clients).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatSessions {

    /** One chat dialog: its SIP session id, its user, the rooms it joined, when it was last heard. */
    public static final class ChatSession {
        private final String id;
        private final String user;
        private final long signInConnection;
        private final Set<String> rooms = ConcurrentHashMap.newKeySet();
        private volatile Instant lastSeen;

        ChatSession(String id, String user, long signInConnection, Instant now) {
            this.id = id;
            this.user = user;
            this.signInConnection = signInConnection;
            this.lastSeen = now;
        }

        /** The connection whose sign-in (REGISTER) the dialog was opened on; 0 if it proved itself. */
        public long signInConnection() {
            return signInConnection;
        }

        public String id() {
            return id;
        }

        public String user() {
            return user;
        }

        public Set<String> rooms() {
            return Set.copyOf(rooms);
        }

        public boolean isIn(String roomUri) {
            return rooms.contains(roomUri);
        }

        public Instant lastSeen() {
            return lastSeen;
        }
    }

    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomSessions = new ConcurrentHashMap<>();
    /** Each user's dialogs, by the user's address in lower case: a sign-in must not walk them all. */
    private final Map<String, Set<ChatSession>> userSessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LongAdder joins = new LongAdder();
    private final UserLocks userLocks = new UserLocks();

    public ChatSessions() {
        this(Clock.systemUTC());
    }

    /** With the clock that says when a dialog was last heard (tests move it). */
    ChatSessions(Clock clock) {
        this.clock = clock;
    }

    /** The locks that keep a user's joins and leaves apart ({@link UserLocks}). */
    public UserLocks userLocks() {
        return userLocks;
    }

    public ChatSession open(String sessionId, String user) {
        return open(sessionId, user, 0);
    }

    /** A dialog opened on the sign-in of connection {@code signInConnection}: it lasts no longer than that sign-in. */
    public ChatSession open(String sessionId, String user, long signInConnection) {
        return sessions.computeIfAbsent(sessionId, id -> {
            ChatSession session = new ChatSession(id, user, signInConnection, clock.instant());
            userSessions.compute(userKey(user), (u, of) -> { // in one step with the removal in close
                Set<ChatSession> dialogs = of != null ? of : ConcurrentHashMap.newKeySet();
                dialogs.add(session);
                return dialogs;
            });
            return session;
        });
    }

    private static String userKey(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    /**
     * Opens the dialog unless its user already holds {@code perUser} others: null then. A dialog
     * already open (a re-INVITE) is returned as it is. Serialized, so that INVITEs arriving
     * together cannot both take the last place; closing needs no lock, it only frees places.
     */
    public synchronized ChatSession openAtMost(int perUser, String sessionId, String user, long signInConnection) {
        ChatSession open = sessions.get(sessionId);
        if (open != null) {
            return open;
        }
        if (of(user).size() >= perUser) {
            return null;
        }
        return open(sessionId, user, signInConnection);
    }

    /**
     * The dialogs opened on a connection's sign-in that is no longer among the live ones. The
     * dialogs are taken before {@code liveSignIns} is asked: a dialog opened after that answer was
     * read (in a logon storm, every sweep meets some) is on a sign-in the answer could not know.
     */
    public List<ChatSession> signedOut(Supplier<Set<Long>> liveSignIns) {
        List<ChatSession> signedIn = sessions.values().stream().filter(session -> session.signInConnection != 0)
                .toList();
        Set<Long> live = liveSignIns.get();
        return signedIn.stream().filter(session -> !live.contains(session.signInConnection)).toList();
    }

    public ChatSession find(String sessionId) {
        ChatSession session = sessions.get(sessionId);
        if (session != null) {
            session.lastSeen = clock.instant();
        }
        return session;
    }

    /** True if the session was not in the room before. */
    public boolean enter(ChatSession session, String roomUri) {
        roomSessions.computeIfAbsent(roomUri, uri -> ConcurrentHashMap.newKeySet()).add(session.id);
        boolean entered = session.rooms.add(roomUri);
        if (entered) {
            joins.increment();
        }
        return entered;
    }

    /** Dialogs open now. */
    public int count() {
        return sessions.size();
    }

    /** Rooms entered by dialogs since start. */
    public long joins() {
        return joins.sum();
    }

    /** True if the session was in the room. */
    public boolean leave(ChatSession session, String roomUri) {
        Set<String> inRoom = roomSessions.get(roomUri);
        if (inRoom != null) {
            inRoom.remove(session.id);
        }
        return session.rooms.remove(roomUri);
    }

    /** Ends the session; its rooms are left by the caller. */
    public ChatSession close(String sessionId) {
        ChatSession session = sessions.remove(sessionId);
        if (session != null) {
            userSessions.computeIfPresent(userKey(session.user), (u, of) -> {
                of.remove(session);
                return of.isEmpty() ? null : of;
            });
            session.rooms.forEach(room -> {
                Set<String> inRoom = roomSessions.get(room);
                if (inRoom != null) {
                    inRoom.remove(sessionId);
                }
            });
        }
        return session;
    }

    public List<ChatSession> sessionsIn(String roomUri) {
        Set<String> ids = roomSessions.getOrDefault(roomUri, Set.of());
        List<ChatSession> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            ChatSession session = sessions.get(id);
            if (session != null) {
                result.add(session);
            }
        }
        return result;
    }

    /**
     * How many users other than {@code except} have a dialog in the room, counted up to {@code
     * atMost} + 1 only: enough to compare with a limit without walking a room of thousands.
     */
    public int peopleIn(String roomUri, String except, int atMost) {
        Set<String> people = new java.util.HashSet<>();
        String excepted = userKey(except);
        for (String id : roomSessions.getOrDefault(roomUri, Set.of())) {
            ChatSession session = sessions.get(id);
            if (session != null && !userKey(session.user).equals(excepted) && people.add(userKey(session.user))
                    && people.size() > atMost) {
                break;
            }
        }
        return people.size();
    }

    public List<ChatSession> all() {
        return List.copyOf(sessions.values());
    }

    /** The rooms some dialog of this node is in. */
    public Set<String> occupiedRooms() {
        Set<String> rooms = new java.util.HashSet<>();
        roomSessions.forEach((room, ids) -> {
            if (!ids.isEmpty()) {
                rooms.add(room);
            }
        });
        return rooms;
    }

    /** The user's dialogs; {@code user} as {@code alice@example.com}, in any case. */
    public List<ChatSession> of(String user) {
        return List.copyOf(userSessions.getOrDefault(userKey(user), Set.of()));
    }

    /** True if some session of the user other than this one is in the room. */
    public boolean inRoomElsewhere(ChatSession session, String roomUri) {
        return of(session.user).stream().anyMatch(other -> other != session && other.isIn(roomUri));
    }

    public List<ChatSession> idleSince(Instant cutoff) {
        return sessions.values().stream().filter(session -> session.lastSeen.isBefore(cutoff)).toList();
    }
}
