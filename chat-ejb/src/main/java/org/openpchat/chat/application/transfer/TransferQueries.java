package org.openpchat.chat.application.transfer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.compliance.ComplianceConfigurationView;
import org.openpchat.chat.application.directory.GroupView;
import org.openpchat.chat.application.directory.UserView;
import org.openpchat.chat.application.endpoint.EndpointView;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyView;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.addin.AddinRepository;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.compliance.ComplianceConfigurationRepository;
import org.openpchat.chat.domain.endpoint.ChatEndpointRepository;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.policy.PolicyRepository;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;

/** What an export reads, each call in its own short transaction. */
@Stateless
public class TransferQueries {

    @Inject
    private CategoryRepository categories;
    @Inject
    private RoomRepository rooms;
    @Inject
    private AddinRepository addins;
    @Inject
    private PolicyRepository policies;
    @Inject
    private ComplianceConfigurationRepository compliance;
    @Inject
    private ChatEndpointRepository endpoints;
    @Inject
    private PrincipalRepository principals;
    @Inject
    private MessageRepository messages;
    @Inject
    private ChatServerSettings settings;

    public TransferQueries() {
    }

    /** Outside the container (tests): over these repositories. */
    public TransferQueries(CategoryRepository categories, RoomRepository rooms, AddinRepository addins,
            PolicyRepository policies, ComplianceConfigurationRepository compliance,
            ChatEndpointRepository endpoints, PrincipalRepository principals, MessageRepository messages,
            ChatServerSettings settings) {
        this.categories = categories;
        this.rooms = rooms;
        this.addins = addins;
        this.policies = policies;
        this.compliance = compliance;
        this.endpoints = endpoints;
        this.principals = principals;
        this.messages = messages;
        this.settings = settings;
    }

    public List<ExportedCategory> categories() {
        return categories.all().stream().map(c -> new ExportedCategory(c.uid(), CategoryView.of(c))).toList();
    }

    public List<ExportedRoom> rooms() {
        return rooms.all().stream()
                .map(r -> new ExportedRoom(r.uid(), r.createdAt(), RoomView.of(r, settings.sipDomain()))).toList();
    }

    public List<AddinView> addins() {
        return addins.all().stream().map(AddinView::of).toList();
    }

    public List<PolicyView> policies() {
        return policies.policies().stream().map(PolicyView::of).toList();
    }

    public List<ConfigurationView> configurations() {
        return policies.configurations().stream().map(ConfigurationView::of).toList();
    }

    public List<ComplianceConfigurationView> complianceConfigurations() {
        return compliance.all().stream().map(ComplianceConfigurationView::of).toList();
    }

    public List<EndpointView> endpoints() {
        return endpoints.all().stream().map(EndpointView::of).toList();
    }

    public List<UserView> users(int offset, int max) {
        return principals.search(PrincipalKind.USER, "", offset, max).stream()
                .map(user -> UserView.of(user, principals.groupsOf(user.principalId()))).toList();
    }

    public List<GroupView> groups(int offset, int max) {
        return principals.search(PrincipalKind.GROUP, "", offset, max).stream().map(GroupView::of).toList();
    }

    /** Up to {@code max} of a room's messages with ids above {@code afterId}, oldest first. */
    public List<RoomMessage> messages(String roomUid, long afterId, int max) {
        Room room = rooms.findByUid(roomUid).orElse(null);
        if (room == null) {
            return List.of();
        }
        return messages.after(room, afterId, max).stream().map(message -> RoomMessage.of(room.name(), message))
                .toList();
    }

    public long countMessages(String roomUid) {
        return rooms.findByUid(roomUid).map(messages::countIn).orElse(0L);
    }
}
