package org.openpchat.chat.sip.facade;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.Departure;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.chat.InvitationService;
import org.openpchat.chat.application.chat.JoinResult;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.endpoint.EndpointService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.preference.PreferenceService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.preference.UserPreference;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The chat use cases as the SIP front end needs them: one transaction per call, plain values
 * out (no entities leave the transaction). Users are SIP addresses without "sip:".
 * Domain refusals pass through as {@code DomainException}.
 */
@Stateless
@LocalBean
public class ChatFacade implements ChatUseCases {

    public static final int SEARCH_LIMIT = 999;
    /** A "story" is a long post; this server keeps one size limit for both. */
    public static final int MESSAGE_SIZE_LIMIT = ChatMessage.MAX_CONTENT;
    private static final String DB_VERSION = UUID.nameUUIDFromBytes("openpchat-mgc-1".getBytes(StandardCharsets.UTF_8))
            .toString();

    @EJB
    private DirectoryService directory;
    @EJB
    private PolicyService policies;
    @EJB
    private RoomService rooms;
    @EJB
    private ChatService chat;
    @EJB
    private HistoryService history;
    @EJB
    private InvitationService invitations;
    @EJB
    private RoomOccupancy occupancy;
    @EJB
    private PreferenceService preferences;
    @EJB
    private EndpointService endpoints;

    private final ChatServerSettings settings = new ChatServerSettings();

    /** False also for users the directory does not know. */
    @Override
    public boolean persistentChatEnabled(String user) {
        try {
            return policies.persistentChatEnabledFor(user);
        } catch (DomainException e) {
            return false;
        }
    }

    @Override
    public boolean isChatEndpoint(String address) {
        return endpoints.answers(address);
    }

    @Override
    public String poolUri() {
        return endpoints.poolUri();
    }

    @Override
    public String roomManagementUrl() {
        return policies.roomManagementUrl();
    }

    @Override
    public ServerInfo serverInfo() {
        ChatConfiguration configuration = policies.effectiveConfiguration();
        String root = "ma-cat://" + settings.sipDomain() + "/"
                + UUID.nameUUIDFromBytes(("root@" + settings.sipDomain()).getBytes(StandardCharsets.UTF_8));
        return new ServerInfo(SEARCH_LIMIT, MESSAGE_SIZE_LIMIT, MESSAGE_SIZE_LIMIT, root, DB_VERSION,
                configuration.defaultChatHistory(), configuration.participantUpdateLimit());
    }

    @Override
    public List<RoomSummary> findRooms(String user, String nameContains) {
        Actor actor = directory.actorFor(user);
        return rooms.findVisible(actor, nameContains == null ? "" : nameContains, SEARCH_LIMIT).stream()
                .map(room -> new RoomSummary(room.uri(settings.sipDomain()).toString(), room.name(), room.description(),
                        occupancy.count(room.uid()), room.privacy() == Privacy.OPEN,
                        room.category().fileUploadEnabled(), room.sendsInvitations(), room.keepsChatHistory()))
                .toList();
    }

    @Override
    public boolean roomKnownTo(String user, String roomUri) {
        return rooms.knows(directory.actorFor(user), roomUri);
    }

    @Override
    public JoinedRoom join(String user, String roomUri) {
        Actor actor = directory.actorFor(user);
        JoinResult result = chat.join(actor, roomUri);
        Room room = result.room();
        List<String> occupants = new ArrayList<>(result.occupants().size());
        for (PrincipalId occupant : result.occupants()) { // a room of thousands: no stream's overhead per name
            occupants.add(occupant.name());
        }
        Set<String> managers = result.managers().stream().map(PrincipalId::name).collect(Collectors.toSet());
        return new JoinedRoom(result.roomUri(), room.uid(), settings.sipDomain(), room.name(), room.description(),
                null, occupants, managers);
    }

    @Override
    public boolean mayStayIn(String user, String roomUri) {
        try {
            return policies.persistentChatEnabledFor(user) && chat.admits(directory.actorFor(user), roomUri);
        } catch (DomainException e) {
            return false;
        }
    }

    @Override
    public boolean leave(String user, String roomUri) {
        return chat.leave(directory.actorFor(user), roomUri);
    }

    @Override
    public void leaveAll(List<RoomLeave> leaves) {
        Set<Departure> asked = new LinkedHashSet<>();
        for (RoomLeave leave : leaves) {
            directory.knownActor(leave.user()).ifPresent(actor -> asked.add(new Departure(actor, leave.roomUri())));
        }
        chat.leaveAll(List.copyOf(asked));
    }

    @Override
    public MessageView post(String user, String roomUri, String text) {
        RoomMessage message = chat.post(directory.actorFor(user), roomUri, text);
        return new MessageView(roomUri, PrincipalId.parse(message.author()).name(), message.postedAt(), message.id(),
                message.content());
    }

    /** The newest messages, oldest first; at most DefaultChatHistory, which 0 also asks for (HistoryService). */
    @Override
    public List<MessageView> history(String user, String roomUri, int count) {
        return history.backchat(directory.actorFor(user), roomUri, count).stream()
                .map(message -> view(roomUri, message)).toList();
    }

    @Override
    public List<InvitationView> invitations(String user) {
        return invitations.pendingFor(directory.actorFor(user)).stream()
                .map(pending -> new InvitationView(pending.invitation().id(),
                        pending.room().uri(settings.sipDomain()).toString(), pending.room().name()))
                .toList();
    }

    @Override
    public PreferenceView preference(String user, String label, boolean createDefault) {
        return preferences.read(directory.actorFor(user), label, createDefault).map(ChatFacade::view).orElse(null);
    }

    @Override
    public PreferenceView setPreference(String user, String label, String content) {
        return view(preferences.write(directory.actorFor(user), label, content));
    }

    private static PreferenceView view(UserPreference preference) {
        return new PreferenceView(preference.label(), preference.sequence(), preference.content());
    }

    private static MessageView view(String roomUri, ChatMessage message) {
        return new MessageView(roomUri, message.author().name(), message.postedAt(), message.messageId(),
                message.content());
    }
}
