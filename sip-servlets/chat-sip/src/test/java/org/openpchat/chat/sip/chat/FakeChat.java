package org.openpchat.chat.sip.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.sip.facade.ChatUseCases;
import org.openpchat.chat.sip.facade.InvitationView;
import org.openpchat.chat.sip.facade.JoinedRoom;
import org.openpchat.chat.sip.facade.MessageView;
import org.openpchat.chat.sip.facade.PreferenceView;
import org.openpchat.chat.sip.facade.RoomLeave;
import org.openpchat.chat.sip.facade.RoomSummary;
import org.openpchat.chat.sip.facade.ServerInfo;

/**
 * In-memory use cases: rooms by URI, refusals configured per room, posts recorded in order;
 * history and preferences are only recorded and answered as the test says (their rules are
 * chat-ejb's and tested there: ChatConfiguration.backchatSize, UserPreference).
 */
final class FakeChat implements ChatUseCases {

    static final String LOBBY = "ma-chan://example.com/lobby";

    final Map<String, Set<String>> occupants = new HashMap<>();
    final Map<String, RuntimeException> refusals = new HashMap<>();
    final List<MessageView> messages = new ArrayList<>();
    final Set<String> managers = new LinkedHashSet<>();
    /**
     * What the leave, history and preference use cases were asked, in order; history and
     * preferences answer what a test put in the fields below.
     */
    final List<String> calls = new ArrayList<>();
    List<MessageView> history = List.of();
    final Map<String, PreferenceView> preferences = new HashMap<>();
    long sequenceAfterWrite = 42;
    int participantUpdateLimit = 75;
    /** "user room" pairs whose user may no longer be in the room; mayStayIn records each question. */
    final Set<String> refusedStays = new HashSet<>();

    @Override
    public boolean persistentChatEnabled(String user) {
        return true;
    }

    @Override
    public boolean isChatEndpoint(String address) {
        return "pchat@example.com".equals(address);
    }

    @Override
    public String poolUri() {
        return "sip:pchat@example.com";
    }

    @Override
    public String roomManagementUrl() {
        return "https://localhost:8181/pchat/rooms/";
    }

    @Override
    public ServerInfo serverInfo() {
        return new ServerInfo(999, 8000, 8000, "ma-cat://example.com/root", "v1", 30,
                participantUpdateLimit);
    }

    @Override
    public List<RoomSummary> findRooms(String user, String nameContains) {
        return List.of(new RoomSummary(LOBBY, "Lobby", "Say hello", occupantsOf(LOBBY).size(), true, false, true,
                true));
    }

    final Set<String> unknownRooms = new LinkedHashSet<>();
    /** "user roomUri": rooms chat-ejb conceals from a user. */
    final Set<String> concealed = new LinkedHashSet<>();

    @Override
    public boolean roomKnownTo(String user, String roomUri) {
        return !unknownRooms.contains(roomUri) && !concealed.contains(user + " " + roomUri);
    }

    @Override
    public JoinedRoom join(String user, String roomUri) {
        refuseIfConfigured(roomUri);
        occupantsOf(roomUri).add(user);
        String uid = roomUri.substring(roomUri.lastIndexOf('/') + 1);
        Set<String> inRoom = occupantsOf(roomUri);
        Set<String> managing = new LinkedHashSet<>(managers);
        managing.retainAll(inRoom);
        return new JoinedRoom(roomUri, uid, "example.com", uid, "about " + uid, null, List.copyOf(inRoom), managing);
    }

    @Override
    public boolean mayStayIn(String user, String roomUri) {
        calls.add("mayStayIn " + user + " " + roomUri);
        return !refusedStays.contains(user + " " + roomUri);
    }

    @Override
    public boolean leave(String user, String roomUri) {
        calls.add("leave " + user + " " + roomUri);
        return occupantsOf(roomUri).remove(user);
    }

    @Override
    public void leaveAll(List<RoomLeave> leaves) {
        leaves.forEach(leave -> {
            refuseIfConfigured(leave.roomUri());
            leave(leave.user(), leave.roomUri());
        });
    }

    @Override
    public MessageView post(String user, String roomUri, String text) {
        refuseIfConfigured(roomUri);
        MessageView message = new MessageView(roomUri, user, Instant.parse("2026-11-27T10:00:00Z"),
                messages.size() + 1, text);
        messages.add(message);
        return message;
    }

    @Override
    public List<MessageView> history(String user, String roomUri, int count) {
        refuseIfConfigured(roomUri);
        calls.add("history " + user + " " + roomUri + " " + count);
        return history;
    }

    @Override
    public List<InvitationView> invitations(String user) {
        return List.of(new InvitationView(7, LOBBY, "Lobby"));
    }

    @Override
    public PreferenceView preference(String user, String label, boolean createDefault) {
        calls.add("preference " + user + " " + label + " " + createDefault);
        return preferences.get(user + "|" + label);
    }

    @Override
    public PreferenceView setPreference(String user, String label, String content) {
        calls.add("setPreference " + user + " " + label + " " + content);
        return new PreferenceView(label, sequenceAfterWrite, content);
    }

    private Set<String> occupantsOf(String roomUri) {
        return occupants.computeIfAbsent(roomUri, uri -> new LinkedHashSet<>());
    }

    private void refuseIfConfigured(String roomUri) {
        RuntimeException refusal = refusals.get(roomUri);
        if (refusal != null) {
            throw refusal;
        }
    }
}
