package org.openpchat.chat.application.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * The demo data set other issues and acceptance checks rely on: five users in example.com, the
 * groups analysts and staff, the categories General and Trading (an ethical wall that keeps
 * analysts out of the trading desk), four rooms and a little history in Lobby; and the
 * administrator admin@example.com (a member of the administrators group, not a chat user of any
 * room). Every demo login has the same password: demo data only.
 */
@Stateless
public class DemoData {

    public static final String PASSWORD = "Passw0rd!";
    public static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");
    public static final String ADMIN = "admin";

    @EJB
    private DirectoryService directory;
    @EJB
    private CategoryService categories;
    @EJB
    private RoomService rooms;
    @EJB
    private PolicyService policies;
    @EJB
    private ComplianceConfigurationService compliance;
    @Inject
    private CategoryRepository categoryRepository;
    @Inject
    private MessageRepository messages;
    @Inject
    private ChatServerSettings settings;

    public DemoData() {
    }

    /** Outside the container (tests): through these services. */
    public DemoData(DirectoryService directory, CategoryService categories, RoomService rooms, PolicyService policies,
            ComplianceConfigurationService compliance, CategoryRepository categoryRepository,
            MessageRepository messages, ChatServerSettings settings) {
        this.directory = directory;
        this.categories = categories;
        this.rooms = rooms;
        this.policies = policies;
        this.compliance = compliance;
        this.categoryRepository = categoryRepository;
        this.messages = messages;
        this.settings = settings;
    }

    /** Returns false (and changes nothing) when the General category already exists. */
    public boolean seedIfEmpty() {
        if (categoryRepository.findByName("General").isPresent()) {
            return false;
        }
        Actor admin = Actor.system("demo");
        for (String name : USERS) {
            String address = name + "@example.com";
            directory.createUser(address, Character.toUpperCase(name.charAt(0)) + name.substring(1), null, null);
            directory.setPassword(address, PASSWORD);
        }
        String administrators = settings.administratorsGroup().name();
        directory.createUser(ADMIN + "@example.com", "Administrator", null, null);
        directory.setPassword(ADMIN + "@example.com", PASSWORD);
        directory.createGroup(administrators, "Persistent Chat administrators");
        directory.addToGroup(administrators, "sip:" + ADMIN + "@example.com");
        directory.createGroup("analysts", "Analysts");
        directory.addToGroup("analysts", "sip:dave@example.com");
        directory.createGroup("staff", "Staff");
        USERS.forEach(name -> directory.addToGroup("staff", "sip:" + name + "@example.com"));
        policies.setPolicy(admin, "global", true, "Persistent Chat for everyone");

        PrincipalId staff = PrincipalId.group("staff");
        categories.create(admin, new CategorySpec("General", "Company-wide rooms", false, true, true));
        categories.modifyAllowedMembers(admin, "General", AccessList.adding(staff));
        categories.create(admin, new CategorySpec("Trading", "Trading desk; analysts are walled off", false, true,
                true));
        categories.modifyAllowedMembers(admin, "Trading", AccessList.adding(staff));
        categories.modifyDeniedMembers(admin, "Trading", AccessList.adding(PrincipalId.group("analysts")));

        rooms.create(admin, RoomSpec.named("Lobby", "General").withPrivacy(Privacy.OPEN)
                .withDescription("Say hello"));
        rooms.create(admin, RoomSpec.named("Announcements", "General").withPrivacy(Privacy.OPEN)
                .withType(RoomType.AUDITORIUM).withDescription("News from alice"));
        rooms.modifyPresenters(admin, "Announcements", AccessList.adding(user("alice")));
        rooms.create(admin, RoomSpec.named("Project X", "General").withPrivacy(Privacy.SECRET)
                .withDescription("Need to know"));
        rooms.modifyMembers(admin, "Project X", AccessList.adding(user("alice"), user("carol")));
        rooms.modifyManagers(admin, "Project X", AccessList.adding(user("alice")));
        rooms.create(admin, RoomSpec.named("Desk", "Trading").withDescription("Trading desk"));
        rooms.modifyMembers(admin, "Desk", AccessList.adding(staff));
        rooms.modifyManagers(admin, "Desk", AccessList.adding(user("bob")));

        Room lobby = rooms.find("Lobby");
        Instant start = Instant.now().minus(Duration.ofHours(2));
        post(lobby, "alice", start, "Welcome to the Lobby, everyone!");
        post(lobby, "bob", start.plus(Duration.ofMinutes(3)), "Hi Alice. Is the quarterly review still on Friday?");
        post(lobby, "alice", start.plus(Duration.ofMinutes(5)), "Yes, Friday at 10:00 in the big room.");
        post(lobby, "carol", start.plus(Duration.ofMinutes(9)), "I'll bring the numbers.");
        return true;
    }

    /**
     * Lets an administrator trying the product watch compliance files appear: the global
     * configuration exports with the Lync XML adapter every minute. Returns false (and changes
     * nothing) when a global compliance configuration exists.
     */
    public boolean enableComplianceExportIfUnset(String directory) {
        if (compliance.find("global").isPresent()) {
            return false;
        }
        compliance.set(Actor.system("demo"), "global", ComplianceConfigurationChange.none()
                .withAdapter("XmlAdapter", "XmlAdapter").withOutput(directory, Duration.ofMinutes(1)));
        return true;
    }

    private void post(Room room, String author, Instant at, String text) {
        messages.add(new ChatMessage(room.id(), messages.nextMessageId(room), user(author), at, text));
    }

    private static PrincipalId user(String name) {
        return PrincipalId.user(name + "@example.com");
    }
}
