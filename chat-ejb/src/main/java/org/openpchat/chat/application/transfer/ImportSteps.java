package org.openpchat.chat.application.transfer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationView;
import org.openpchat.chat.application.directory.GroupView;
import org.openpchat.chat.application.directory.UserView;
import org.openpchat.chat.application.endpoint.EndpointView;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.policy.ConfigurationChange;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyView;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.addin.AddinRepository;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.compliance.ComplianceConfigurationRepository;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.chat.domain.endpoint.ChatEndpointRepository;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.PolicyRepository;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The transactions of an import. An archive records a state the exporting server had, so items
 * are restored as they were (room lists without the category check a change gets). An item that
 * equals what this server has is left alone; one that differs is replaced only when asked.
 */
@Stateless
public class ImportSteps {

    @Inject
    private PrincipalRepository principals;
    @Inject
    private AddinRepository addins;
    @Inject
    private CategoryRepository categories;
    @Inject
    private RoomRepository rooms;
    @Inject
    private MessageRepository messages;
    @Inject
    private PolicyRepository policies;
    @Inject
    private ComplianceConfigurationRepository compliance;
    @Inject
    private ChatEndpointRepository endpoints;
    @Inject
    private ChatServerSettings settings;

    public ImportSteps() {
    }

    /** Outside the container (tests): into these repositories. */
    public ImportSteps(PrincipalRepository principals, AddinRepository addins, CategoryRepository categories,
            RoomRepository rooms, MessageRepository messages, PolicyRepository policies,
            ComplianceConfigurationRepository compliance, ChatEndpointRepository endpoints,
            ChatServerSettings settings) {
        this.principals = principals;
        this.addins = addins;
        this.categories = categories;
        this.rooms = rooms;
        this.messages = messages;
        this.policies = policies;
        this.compliance = compliance;
        this.endpoints = endpoints;
        this.settings = settings;
    }

    /** The archive's items that exist here and differ, as {@code kind:name}. */
    public List<String> conflicts(ArchiveContent content) {
        List<String> found = new ArrayList<>();
        for (UserView user : content.users()) {
            principals.find(PrincipalId.parse(user.uri())).map(this::userView)
                    .filter(existing -> !sameUser(existing, user)).ifPresent(e -> found.add("user:" + user.uri()));
        }
        for (GroupView group : content.groups()) {
            principals.find(PrincipalId.group(group.name())).map(GroupView::of)
                    .filter(existing -> !existing.equals(group)).ifPresent(e -> found.add("group:" + group.name()));
        }
        differing(found, "addin", content.addins(), AddinView::name,
                name -> addins.findByName(name).map(AddinView::of));
        differing(found, "category", content.categories().stream().map(ExportedCategory::category).toList(),
                CategoryView::name, name -> categories.findByName(name).map(CategoryView::of));
        for (ExportedRoom room : content.rooms()) {
            Optional<Room> existing = rooms.findByName(room.room().name());
            if (existing.isPresent() && !withoutUri(roomView(existing.get())).equals(withoutUri(room.room()))) {
                found.add("room:" + room.room().name());
            }
            rooms.findByUid(room.uid()).filter(other -> !other.name().equals(room.room().name()))
                    .ifPresent(other -> found.add("room:" + room.room().name() + " (its id is room '" + other.name()
                            + "' here)"));
        }
        differing(found, "policy", nonGlobal(content.policies(), PolicyView::identity), PolicyView::identity,
                identity -> policies.policy(Scope.parse(identity)).map(PolicyView::of));
        differing(found, "configuration", nonGlobal(content.configurations(), ConfigurationView::identity),
                ConfigurationView::identity,
                identity -> policies.configuration(Scope.parse(identity)).map(ConfigurationView::of));
        differing(found, "compliance-configuration",
                nonGlobal(content.complianceConfigurations(), ComplianceConfigurationView::identity),
                ComplianceConfigurationView::identity,
                identity -> compliance.find(Scope.parse(identity)).map(ComplianceConfigurationView::of));
        differing(found, "endpoint", content.endpoints(), EndpointView::sipAddress,
                address -> endpoints.find(address).map(EndpointView::of));
        return found;
    }

    public void users(Job job, List<UserView> users, boolean replace) {
        for (UserView user : users) {
            item(job, "user " + user.uri(), () -> {
                PrincipalId id = PrincipalId.parse(user.uri());
                Principal existing = principals.find(id).orElse(null);
                if (existing == null) {
                    existing = Principal.user(id, user.displayName());
                    principals.add(existing);
                } else if (sameUser(userView(existing), user) || !replace) {
                    return;
                }
                existing.rename(user.displayName());
                existing.placeIn(user.organizationalUnit() == null ? null : PrincipalId.ou(user.organizationalUnit()));
                existing.homeOn(user.site());
                existing.grantPolicy(user.policy());
            });
        }
    }

    /** Creates the groups first, then sets their members, so nested groups resolve. */
    public void groups(Job job, List<GroupView> groups, boolean replace) {
        List<GroupView> toFill = new ArrayList<>();
        for (GroupView group : groups) {
            item(job, "group " + group.name(), () -> {
                Optional<Principal> existing = principals.find(PrincipalId.group(group.name()));
                if (existing.isEmpty()) {
                    principals.add(Principal.group(PrincipalId.group(group.name()), group.displayName()));
                    toFill.add(group);
                } else if (replace && !GroupView.of(existing.get()).equals(group)) {
                    existing.get().rename(group.displayName());
                    toFill.add(group);
                }
            });
        }
        for (GroupView group : toFill) {
            Principal stored = principals.find(PrincipalId.group(group.name())).orElseThrow();
            Set.copyOf(stored.members()).forEach(stored::removeMember);
            group.members().forEach(member -> stored.addMember(PrincipalId.parse(member)));
        }
    }

    public void addins(Job job, List<AddinView> archived, boolean replace) {
        for (AddinView addin : archived) {
            item(job, "add-in " + addin.name(), () -> {
                Optional<Addin> existing = addins.findByName(addin.name());
                if (existing.isEmpty()) {
                    addins.add(new Addin(addin.name(), addin.url()));
                } else if (replace) {
                    existing.get().pointTo(addin.url());
                }
            });
        }
    }

    public void categories(Job job, List<ExportedCategory> archived, boolean replace) {
        for (ExportedCategory exported : archived) {
            CategoryView view = exported.category();
            item(job, "category " + view.name(), () -> {
                Category category = categories.findByName(view.name()).orElse(null);
                if (category == null) {
                    category = categories.findByUid(exported.uid()).isPresent()
                            ? new Category(view.name(), view.description())
                            : Category.restore(exported.uid(), view.name(), view.description());
                    restore(category, view);
                    categories.add(category);
                } else if (replace && !CategoryView.of(category).equals(view)) {
                    category.describe(view.description());
                    restore(category, view);
                }
            });
        }
    }

    public void rooms(Job job, List<ExportedRoom> archived, boolean replace) {
        for (ExportedRoom exported : archived) {
            RoomView view = exported.room();
            item(job, "room " + view.name(), () -> {
                Optional<Room> existing = rooms.findByName(view.name());
                if (existing.isPresent()) {
                    if (!replace || withoutUri(roomView(existing.get())).equals(withoutUri(view))) {
                        return;
                    }
                    rooms.remove(existing.get());
                }
                Optional<Room> sameId = rooms.findByUid(exported.uid());
                if (sameId.isPresent()) {
                    throw DomainException.conflict("its id is used by room '" + sameId.get().name() + "'");
                }
                Category category = categories.findByName(view.category())
                        .orElseThrow(() -> DomainException.notFound("no such category: " + view.category()));
                Room room = Room.restore(exported.uid(), view.name(), category, exported.createdAt());
                room.describe(view.description());
                room.changePrivacy(Privacy.valueOf(view.privacy().toUpperCase(Locale.ROOT)));
                room.changeType(RoomType.valueOf(view.type().toUpperCase(Locale.ROOT)));
                room.changeInvitations(InvitationSetting.valueOf(view.invitations().toUpperCase(Locale.ROOT)));
                if (view.disabled()) {
                    room.disable();
                }
                if (view.addin() != null) {
                    room.useAddin(addins.findByName(view.addin())
                            .orElseThrow(() -> DomainException.notFound("no such add-in: " + view.addin())));
                }
                room.restoreLists(ids(view.members()), ids(view.managers()), ids(view.presenters()));
                rooms.add(room);
            });
        }
    }

    /** Policies, configurations, compliance configurations and endpoints; global ones always. */
    public void settings(Job job, ArchiveContent content, boolean replace) {
        for (PolicyView view : content.policies()) {
            item(job, "policy " + view.identity(), () -> {
                Scope scope = Scope.parse(view.identity());
                Optional<ChatPolicy> existing = policies.policy(scope);
                if (existing.isEmpty()) {
                    policies.add(new ChatPolicy(scope, view.enablePersistentChat(), view.description()));
                } else if (replace || scope.kind() == Scope.Kind.GLOBAL) {
                    existing.get().enable(view.enablePersistentChat());
                    existing.get().describe(view.description());
                }
            });
        }
        for (ConfigurationView view : content.configurations()) {
            item(job, "configuration " + view.identity(), () -> {
                Scope scope = Scope.parse(view.identity());
                Optional<ChatConfiguration> existing = policies.configuration(scope);
                ConfigurationChange change = new ConfigurationChange(view.defaultChatHistory(), view.maxFileSizeKB(),
                        view.participantUpdateLimit(), view.roomManagementUrl() == null ? "" : view.roomManagementUrl());
                if (existing.isEmpty()) {
                    ChatConfiguration configuration = new ChatConfiguration(scope);
                    change.applyTo(configuration);
                    policies.add(configuration);
                } else if (replace || scope.kind() == Scope.Kind.GLOBAL) {
                    change.applyTo(existing.get());
                }
            });
        }
        for (ComplianceConfigurationView view : content.complianceConfigurations()) {
            item(job, "compliance configuration " + view.identity(), () -> {
                Scope scope = Scope.parse(view.identity());
                Optional<ComplianceConfiguration> existing = compliance.find(scope);
                ComplianceConfigurationChange change = new ComplianceConfigurationChange(
                        Objects.requireNonNullElse(view.adapterType(), ""), view.adapterName(),
                        Objects.requireNonNullElse(view.adapterOutputDirectory(), ""),
                        Duration.parse(view.runInterval()), view.oneChatRoomPerOutputFile(), view.addChatRoomDetails(),
                        view.addUserDetails(), view.createFileAttachmentsManifest(),
                        Objects.requireNonNullElse(view.customConfiguration(), ""), view.purgeAfterProcessing());
                if (existing.isEmpty()) {
                    ComplianceConfiguration configuration = new ComplianceConfiguration(scope);
                    change.applyTo(configuration);
                    compliance.add(configuration);
                } else if (replace || scope.kind() == Scope.Kind.GLOBAL) {
                    change.applyTo(existing.get());
                }
            });
        }
        for (EndpointView view : content.endpoints()) {
            item(job, "endpoint " + view.sipAddress(), () -> {
                if (endpoints.find(ChatEndpoint.normalise(view.sipAddress())).isEmpty()) {
                    endpoints.add(new ChatEndpoint(view.sipAddress(), view.displayName()));
                }
            });
        }
    }

    /** Adds the messages the room does not have yet; returns how many were added. */
    public long messages(Job job, String roomUid, List<RoomMessage> batch) {
        Room room = rooms.findByUid(roomUid).orElse(null);
        if (room == null) {
            job.error("messages of room " + roomUid + ": the room was not imported");
            job.progress(batch.size());
            return 0;
        }
        long lowest = batch.stream().mapToLong(RoomMessage::id).min().orElse(0);
        long last = batch.stream().mapToLong(RoomMessage::id).max().orElse(0);
        Set<Long> present = new HashSet<>(messages.idsBetween(room, lowest, last));
        long added = 0;
        for (RoomMessage message : batch) {
            if (present.add(message.id())) {
                messages.add(new ChatMessage(room.id(), message.id(), PrincipalId.parse(message.author()),
                        message.postedAt(), message.content()));
                added++;
            }
        }
        messages.continueAfter(room, last);
        job.progress(batch.size());
        return added;
    }

    private void restore(Category category, CategoryView view) {
        category.enableFileUpload(view.fileUpload());
        category.enableInvitations(view.invitations());
        category.enableChatHistory(view.chatHistory());
        category.modifyAllowedMembers(AccessList.replacing(ids(view.allowedMembers())));
        category.modifyDeniedMembers(AccessList.replacing(ids(view.deniedMembers())));
        category.modifyCreators(AccessList.replacing(ids(view.creators())));
    }

    private static <T> void differing(List<String> found, String kind, List<T> archived, Function<T, String> name,
            Function<String, Optional<T>> existing) {
        for (T item : archived) {
            existing.apply(name.apply(item)).filter(here -> !here.equals(item))
                    .ifPresent(here -> found.add(kind + ":" + name.apply(item)));
        }
    }

    private static <T> List<T> nonGlobal(List<T> views, Function<T, String> identity) {
        return views.stream().filter(view -> Scope.parse(identity.apply(view)).kind() != Scope.Kind.GLOBAL).toList();
    }

    private static void item(Job job, String what, Runnable step) {
        try {
            step.run();
        } catch (DomainException e) {
            job.error(what + ": " + e.getMessage());
        }
        job.progress(1);
    }

    private UserView userView(Principal user) {
        return UserView.of(user, principals.groupsOf(user.principalId()));
    }

    private RoomView roomView(Room room) {
        return RoomView.of(room, settings.sipDomain());
    }

    /** Users compare without their groups: memberships are the groups' to restore. */
    private static boolean sameUser(UserView a, UserView b) {
        return a.uri().equals(b.uri()) && Objects.equals(a.displayName(), b.displayName())
                && Objects.equals(a.organizationalUnit(), b.organizationalUnit())
                && Objects.equals(a.site(), b.site()) && Objects.equals(a.policy(), b.policy());
    }

    private static RoomView withoutUri(RoomView view) {
        return new RoomView(view.name(), null, view.description(), view.category(), view.privacy(), view.type(),
                view.members(), view.managers(), view.presenters(), view.disabled(), view.invitations(), view.addin());
    }

    private static Set<PrincipalId> ids(List<String> texts) {
        return texts == null ? Set.of() : texts.stream().map(PrincipalId::parse).collect(Collectors.toSet());
    }
}
