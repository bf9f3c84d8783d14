package org.openpchat.chat.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.application.audit.RecordingAuditLog;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.chat.ModerationService;
import org.openpchat.chat.application.chat.PostListeners;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.compliance.CapturedEvents;
import org.openpchat.chat.application.compliance.ComplianceCapture;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.transfer.ImportSteps;
import org.openpchat.chat.application.transfer.TransferQueries;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.InMemoryComplianceConfigurations;
import org.openpchat.chat.domain.endpoint.InMemoryEndpoints;
import org.openpchat.chat.domain.addin.InMemoryAddins;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.InMemoryCategories;
import org.openpchat.chat.domain.invitation.InMemoryInvitations;
import org.openpchat.chat.domain.message.InMemoryMessages;
import org.openpchat.chat.domain.policy.InMemoryPolicies;
import org.openpchat.chat.domain.principal.InMemoryCredentials;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.InMemoryRooms;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * The application services wired as the container would wire them, over in-memory repositories,
 * a recording audit log, captured compliance events and a fixed clock: for use case tests.
 */
public class InMemoryChatServer {

    public static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    public static final String DOMAIN = "example.com";

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final ChatServerSettings settings = new ChatServerSettings();
    public final InMemoryPrincipals principals = new InMemoryPrincipals();
    public final InMemoryCredentials credentials = new InMemoryCredentials();
    public final InMemoryRooms rooms = new InMemoryRooms();
    public final InMemoryCategories categories = new InMemoryCategories(rooms);
    public final InMemoryAddins addins = new InMemoryAddins(rooms);
    public final InMemoryInvitations invitations = new InMemoryInvitations();
    public final InMemoryMessages messages = new InMemoryMessages();
    public final InMemoryPolicies policyRepository = new InMemoryPolicies();
    public final InMemoryComplianceConfigurations complianceConfigurations = new InMemoryComplianceConfigurations();
    public final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    public final RecordingAuditLog auditLog = new RecordingAuditLog();
    public final RecordingLocks locks = new RecordingLocks();
    public final CapturedEvents compliance = new CapturedEvents();
    public final RoomOccupancy occupancy = new RoomOccupancy();
    public final Audit audit = new Audit(auditLog);
    public final RoomLookup lookup = new RoomLookup(rooms, settings);
    public final ComplianceCapture capture = compliance.capture(principals, clock);

    /** Who may administer everything, as a part of the server acting on its own. */
    public final Actor admin = Actor.system("test");

    public DirectoryService directory() {
        return new DirectoryService(principals, credentials, settings, locks, audit);
    }

    public RoomService roomService() {
        return new RoomService(rooms, categories, addins, invitations, lookup, directory(), locks, audit, settings,
                clock);
    }

    public CategoryService categoryService() {
        return new CategoryService(categories, locks, audit);
    }

    public PolicyService policyService() {
        return new PolicyService(policyRepository, principals, settings, locks, audit);
    }

    /** Exports nothing: a run is refused. */
    public ComplianceConfigurationService complianceService() {
        return new ComplianceConfigurationService(complianceConfigurations, settings, locks, audit, null);
    }

    public TransferQueries transferQueries() {
        return new TransferQueries(categories, rooms, addins, policyRepository, complianceConfigurations, endpoints,
                principals, messages, settings);
    }

    public ImportSteps importSteps() {
        return new ImportSteps(principals, addins, categories, rooms, messages, policyRepository,
                complianceConfigurations, endpoints, settings);
    }

    public HistoryService historyService() {
        return new HistoryService(lookup, messages, policyService(), capture);
    }

    public ModerationService moderationService() {
        return new ModerationService(lookup, messages, capture, locks, audit);
    }

    public ChatService chatService(PostListeners listeners) {
        return new ChatService(lookup, messages, occupancy, capture, listeners, directory(), clock);
    }

    /** A user of this server's domain, in the directory. */
    public PrincipalId user(String name) {
        return principals.user(name + "@" + DOMAIN).principalId();
    }

    /** The user as the directory resolves them (groups, OU, domain). */
    public Actor actor(PrincipalId user) {
        return Actor.user(user, principals.affiliationsOf(user));
    }

    /** A category every user of the domain may take part in; the creators may create rooms. */
    public Category category(String name, PrincipalId... creators) {
        Category category = new Category(name, null);
        category.modifyAllowedMembers(AccessList.adding(PrincipalId.domain(DOMAIN)));
        if (creators.length > 0) {
            category.modifyCreators(AccessList.adding(creators));
        }
        categories.add(category);
        return category;
    }

    /** A room stored as it is, without any service. */
    public Room room(String name, Category category) {
        Room room = new Room(name, category, NOW);
        rooms.add(room);
        return room;
    }
}
