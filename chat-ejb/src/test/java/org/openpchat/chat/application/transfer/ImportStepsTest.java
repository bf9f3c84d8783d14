package org.openpchat.chat.application.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationView;
import org.openpchat.chat.application.directory.GroupView;
import org.openpchat.chat.application.directory.UserView;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.application.policy.ConfigurationChange;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyView;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * An export read by {@link TransferQueries} and imported by {@link ImportSteps} into another
 * server: what arrives equals what left; what exists and is equal stays; what differs is a
 * conflict, replaced only when asked; an item that cannot be imported is a job error.
 */
class ImportStepsTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    private final InMemoryChatServer source = new InMemoryChatServer();
    private final InMemoryChatServer target = new InMemoryChatServer();
    private final ImportSteps steps = target.importSteps();
    private final Job job = new Jobs().start(target.admin, "import");
    private Room desk;

    ImportStepsTest() {
        Principal alice = source.principals.user("alice@example.com");
        alice.rename("Alice");
        alice.placeIn(PrincipalId.ou("ou=desk,dc=example,dc=com"));
        alice.homeOn("Berlin");
        alice.grantPolicy("traders");
        source.principals.user("bob@example.com");
        Principal traders = source.principals.group("traders", alice.principalId());
        traders.rename("Traders");
        source.principals.group("desks", traders.principalId());
        source.addins.add(new Addin("Quotes", "https://quotes.example.com/"));
        Category trading = source.category("Trading", alice.principalId());
        trading.describe("the desks");
        trading.enableInvitations(true);
        trading.modifyDeniedMembers(AccessList.adding(PrincipalId.user("eve@example.com")));
        desk = Room.restore("0a6e4b65-63c5-4c3e-a9f0-4e0bd4e9a6f1", "Desk", trading, CREATED);
        source.rooms.add(desk);
        desk.describe("bonds");
        desk.changePrivacy(Privacy.SECRET);
        desk.changeType(RoomType.AUDITORIUM);
        desk.changeInvitations(InvitationSetting.FALSE);
        desk.disable();
        desk.useAddin(source.addins.findByName("Quotes").orElseThrow());
        desk.restoreLists(Set.of(alice.principalId()), Set.of(traders.principalId()), Set.of(alice.principalId()));
        source.room("Lobby", trading);
        source.policyRepository.add(new ChatPolicy(Scope.GLOBAL, true, "on"));
        source.policyRepository.add(new ChatPolicy(Scope.tag("traders"), false, "off"));
        ChatConfiguration berlin = new ChatConfiguration(Scope.site("Berlin"));
        new ConfigurationChange(10, 100, 5, "https://rooms.example.com/").applyTo(berlin);
        source.policyRepository.add(berlin);
        source.policyRepository.add(new ChatConfiguration(Scope.GLOBAL));
        ComplianceConfiguration xml = new ComplianceConfiguration(Scope.site("Berlin"));
        ComplianceConfigurationChange.none().withAdapter("XmlAdapter", "Xml")
                .withOutput("/var/compliance", Duration.ofMinutes(5)).withOptions(true, true, false, true)
                .withCustomConfiguration("<xsl/>").withPurge(false).applyTo(xml);
        source.complianceConfigurations.add(xml);
        source.complianceConfigurations.add(new ComplianceConfiguration(Scope.GLOBAL));
        source.endpoints.add(new ChatEndpoint("sip:pchat@example.com", "pool"));
    }

    private static ArchiveContent content(InMemoryChatServer server) {
        TransferQueries queries = server.transferQueries();
        return new ArchiveContent(null, queries.users(0, 100), queries.groups(0, 100), queries.addins(),
                queries.categories(), queries.rooms(), queries.policies(), queries.configurations(),
                queries.complianceConfigurations(), queries.endpoints());
    }

    private static ArchiveContent roomsByName(ArchiveContent content) {
        return new ArchiveContent(content.manifest(), content.users(), content.groups(), content.addins(),
                content.categories(), content.rooms().stream()
                        .sorted(java.util.Comparator.comparing(room -> room.room().name())).toList(),
                content.policies(), content.configurations(), content.complianceConfigurations(),
                content.endpoints());
    }

    private void importAll(ArchiveContent content, boolean replace) {
        steps.users(job, content.users(), replace);
        steps.groups(job, content.groups(), replace);
        steps.addins(job, content.addins(), replace);
        steps.categories(job, content.categories(), replace);
        steps.rooms(job, content.rooms(), replace);
        steps.settings(job, content, replace);
    }

    @Test
    void whatArrivesEqualsWhatLeft() {
        ArchiveContent exported = content(source);

        importAll(exported, false);

        assertThat(content(target)).isEqualTo(exported);
        assertThat(job.view().errors()).isEmpty();
        assertThat(job.view().done()).isEqualTo(2 + 2 + 1 + 1 + 2 + 2 + 2 + 2 + 1);
        assertThat(steps.conflicts(exported)).isEmpty();
        Room imported = target.rooms.findByName("Desk").orElseThrow();
        assertThat(imported.uid()).as("its URI keeps working").isEqualTo(desk.uid());
        assertThat(imported.createdAt()).isEqualTo(CREATED);
        assertThat(target.categories.findByName("Trading").orElseThrow().uid())
                .isEqualTo(source.categories.findByName("Trading").orElseThrow().uid());
    }

    @Test
    void theExportReadsWhatTheServerHas() {
        ArchiveContent exported = content(source);

        assertThat(exported.users()).containsExactly(
                new UserView("sip:alice@example.com", "Alice", List.of("group:traders"), "ou=desk,dc=example,dc=com",
                        "Berlin", "traders"),
                new UserView("sip:bob@example.com", "bob@example.com", List.of(), null, null, null));
        assertThat(exported.groups()).containsExactly(
                new GroupView("traders", "Traders", List.of("sip:alice@example.com")),
                new GroupView("desks", "desks", List.of("group:traders")));
        assertThat(exported.rooms()).first().isEqualTo(new ExportedRoom(desk.uid(), CREATED, new RoomView("Desk",
                "ma-chan://example.com/" + desk.uid(), "bonds", "Trading", "Secret", "Auditorium",
                List.of("sip:alice@example.com"), List.of("group:traders"), List.of("sip:alice@example.com"), true,
                "False", "Quotes")));
        assertThat(exported.addins()).containsExactly(new AddinView("Quotes", "https://quotes.example.com/"));
        assertThat(exported.policies()).containsExactly(new PolicyView("global", true, "on"),
                new PolicyView("tag:traders", false, "off"));
        assertThat(exported.configurations()).first().isEqualTo(new ConfigurationView("site:Berlin", 10, 100, 5,
                "https://rooms.example.com/"));
        assertThat(exported.complianceConfigurations()).first().isEqualTo(new ComplianceConfigurationView(
                "site:Berlin", "XmlAdapter", "Xml", "/var/compliance", "PT5M", true, true, false, true, "<xsl/>",
                false));
    }

    @Test
    void equalItemsStayAndDifferingOnesAreConflicts() {
        ArchiveContent exported = content(source);
        importAll(exported, false);
        target.principals.find(PrincipalId.user("alice@example.com")).orElseThrow().rename("Alice B.");
        target.principals.find(PrincipalId.group("traders")).orElseThrow().rename("Desk people");
        target.addins.findByName("Quotes").orElseThrow().pointTo("https://other.example.com/");
        target.categories.findByName("Trading").orElseThrow().describe("changed");
        target.rooms.findByName("Desk").orElseThrow().describe("changed");
        target.policyRepository.policy(Scope.tag("traders")).orElseThrow().enable(true);
        target.policyRepository.policy(Scope.GLOBAL).orElseThrow().enable(false);
        target.policyRepository.configuration(Scope.site("Berlin")).orElseThrow().changeDefaultChatHistory(99);
        target.complianceConfigurations.find(Scope.site("Berlin")).orElseThrow().changePurgeAfterProcessing(true);
        target.endpoints.remove(target.endpoints.all().get(0));
        target.endpoints.add(new ChatEndpoint("sip:pchat@example.com", "renamed"));

        assertThat(steps.conflicts(exported)).containsExactly("user:sip:alice@example.com", "group:traders",
                "addin:Quotes", "category:Trading", "room:Desk", "policy:tag:traders", "configuration:site:Berlin",
                "compliance-configuration:site:Berlin", "endpoint:sip:pchat@example.com");
    }

    @Test
    void withoutReplaceOnlyTheGlobalSettingsAreOverwritten() {
        ArchiveContent exported = content(source);
        importAll(exported, false);
        target.principals.find(PrincipalId.user("alice@example.com")).orElseThrow().rename("Alice B.");
        target.principals.find(PrincipalId.group("traders")).orElseThrow().rename("Desk people");
        target.addins.findByName("Quotes").orElseThrow().pointTo("https://other.example.com/");
        target.categories.findByName("Trading").orElseThrow().describe("changed");
        target.rooms.findByName("Desk").orElseThrow().describe("changed");
        target.policyRepository.policy(Scope.tag("traders")).orElseThrow().enable(true);
        target.policyRepository.policy(Scope.GLOBAL).orElseThrow().enable(false);
        target.policyRepository.configuration(Scope.GLOBAL).orElseThrow().changeDefaultChatHistory(99);
        target.policyRepository.configuration(Scope.site("Berlin")).orElseThrow().changeDefaultChatHistory(99);
        target.complianceConfigurations.find(Scope.GLOBAL).orElseThrow().changePurgeAfterProcessing(false);
        target.complianceConfigurations.find(Scope.site("Berlin")).orElseThrow().changePurgeAfterProcessing(true);

        importAll(exported, false);

        assertThat(target.principals.find(PrincipalId.user("alice@example.com")).orElseThrow().displayName())
                .isEqualTo("Alice B.");
        assertThat(target.principals.find(PrincipalId.group("traders")).orElseThrow().displayName())
                .isEqualTo("Desk people");
        assertThat(target.addins.findByName("Quotes").orElseThrow().url()).isEqualTo("https://other.example.com/");
        assertThat(target.categories.findByName("Trading").orElseThrow().description()).isEqualTo("changed");
        assertThat(target.rooms.findByName("Desk").orElseThrow().description()).isEqualTo("changed");
        assertThat(target.policyRepository.policy(Scope.tag("traders")).orElseThrow().enablePersistentChat())
                .isTrue();
        assertThat(target.policyRepository.configuration(Scope.site("Berlin")).orElseThrow().defaultChatHistory())
                .isEqualTo(99);
        assertThat(target.complianceConfigurations.find(Scope.site("Berlin")).orElseThrow().purgeAfterProcessing())
                .isTrue();
        assertThat(target.policyRepository.policy(Scope.GLOBAL).orElseThrow().enablePersistentChat()).isTrue();
        assertThat(target.policyRepository.configuration(Scope.GLOBAL).orElseThrow().defaultChatHistory())
                .isEqualTo(30);
        assertThat(target.complianceConfigurations.find(Scope.GLOBAL).orElseThrow().purgeAfterProcessing())
                .isTrue();
    }

    @Test
    void withReplaceDifferingItemsBecomeWhatTheArchiveSays() {
        ArchiveContent exported = content(source);
        importAll(exported, false);
        target.principals.find(PrincipalId.user("alice@example.com")).orElseThrow().rename("Alice B.");
        target.principals.find(PrincipalId.user("alice@example.com")).orElseThrow().placeIn(null);
        Principal traders = target.principals.find(PrincipalId.group("traders")).orElseThrow();
        traders.rename("Desk people");
        traders.addMember(PrincipalId.user("bob@example.com"));
        target.addins.findByName("Quotes").orElseThrow().pointTo("https://other.example.com/");
        Category trading = target.categories.findByName("Trading").orElseThrow();
        trading.describe("changed");
        trading.enableChatHistory(false);
        trading.modifyCreators(AccessList.replacing(List.of()));
        target.rooms.findByName("Desk").orElseThrow().describe("changed");
        target.policyRepository.policy(Scope.tag("traders")).orElseThrow().enable(true);
        target.policyRepository.configuration(Scope.site("Berlin")).orElseThrow().changeDefaultChatHistory(99);
        target.complianceConfigurations.find(Scope.site("Berlin")).orElseThrow().changePurgeAfterProcessing(true);

        importAll(exported, true);

        assertThat(roomsByName(content(target))).as("a replaced room is stored anew").isEqualTo(roomsByName(exported));
        assertThat(steps.conflicts(exported)).isEmpty();
        assertThat(job.view().errors()).isEmpty();
    }

    @Test
    void aRoomWhoseIdIsTakenOrWhoseCategoryOrAddinIsMissingIsAnError() {
        ArchiveContent exported = content(source);
        Category other = target.category("Other");
        target.rooms.add(Room.restore(desk.uid(), "Not the desk", other, CREATED));

        steps.rooms(job, exported.rooms(), false);
        steps.users(job, exported.users(), false);
        steps.addins(job, exported.addins(), false);
        steps.categories(job, exported.categories(), false);
        steps.rooms(job, exported.rooms(), false);

        JobView view = job.view();
        assertThat(view.errors()).containsExactly(
                "room Desk: its id is used by room 'Not the desk'",
                "room Lobby: no such category: Trading",
                "room Desk: its id is used by room 'Not the desk'");
        assertThat(steps.conflicts(exported)).containsExactly("room:Desk (its id is room 'Not the desk' here)");
        assertThat(target.rooms.findByName("Lobby")).isPresent();

        target.rooms.remove(target.rooms.findByName("Not the desk").orElseThrow());
        target.addins.remove(target.addins.findByName("Quotes").orElseThrow());
        steps.rooms(job, exported.rooms(), false);
        assertThat(job.view().errors()).last().isEqualTo("room Desk: no such add-in: Quotes");
        assertThat(target.rooms.findByName("Desk")).isEmpty();
    }

    @Test
    void aCategoryWhoseIdIsTakenGetsANewOne() {
        ArchiveContent exported = content(source);
        ExportedCategory trading = exported.categories().get(0);
        target.categories.add(Category.restore(trading.uid(), "Elsewhere", null));

        steps.categories(job, exported.categories(), false);

        Category imported = target.categories.findByName("Trading").orElseThrow();
        assertThat(imported.uid()).isNotEqualTo(trading.uid());
        assertThat(CategoryView.of(imported)).isEqualTo(trading.category());
    }

    @Test
    void anExistingEndpointIsKept() {
        target.endpoints.add(new ChatEndpoint("sip:pchat@example.com", "mine"));

        steps.settings(job, content(source), true);

        assertThat(target.endpoints.all()).extracting(ChatEndpoint::displayName).containsExactly("mine");
    }

    @Test
    void messagesTheRoomLacksAreAddedAndItsIdsContinueAfterThem() {
        importAll(content(source), false);
        Room imported = target.rooms.findByName("Desk").orElseThrow();
        target.messages.post(imported, "alice@example.com", CREATED, "already here");
        List<RoomMessage> batch = List.of(
                new RoomMessage("Desk", 1, "sip:alice@example.com", CREATED, "first"),
                new RoomMessage("Desk", 7, "sip:bob@example.com", CREATED, "seventh"),
                new RoomMessage("Desk", 3, "sip:bob@example.com", CREATED, "third"));
        long before = job.view().done();

        assertThat(steps.messages(job, desk.uid(), batch)).isEqualTo(2);

        assertThat(target.messages.in(imported)).extracting(ChatMessage::messageId, ChatMessage::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "already here"),
                        org.assertj.core.groups.Tuple.tuple(3L, "third"),
                        org.assertj.core.groups.Tuple.tuple(7L, "seventh"));
        assertThat(target.messages.nextMessageId(imported)).isEqualTo(8);
        assertThat(job.view().done()).isEqualTo(before + 3);
        assertThat(target.messages.in(imported).get(2).author()).isEqualTo(PrincipalId.user("bob@example.com"));
    }

    @Test
    void aMessageTwiceInOneBatchIsAddedOnce() {
        importAll(content(source), false);
        Room imported = target.rooms.findByName("Desk").orElseThrow();
        List<RoomMessage> batch = List.of(
                new RoomMessage("Desk", 4, "sip:alice@example.com", CREATED, "fourth"),
                new RoomMessage("Desk", 4, "sip:alice@example.com", CREATED, "fourth again"),
                new RoomMessage("Desk", 5, "sip:bob@example.com", CREATED, "fifth"));

        assertThat(steps.messages(job, desk.uid(), batch)).isEqualTo(2);

        assertThat(target.messages.in(imported)).extracting(ChatMessage::messageId, ChatMessage::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "fourth"),
                        org.assertj.core.groups.Tuple.tuple(5L, "fifth"));
    }

    @Test
    void messagesOfARoomThatWasNotImportedAreAnError() {
        List<RoomMessage> batch = List.of(new RoomMessage("Desk", 1, "sip:alice@example.com", CREATED, "first"),
                new RoomMessage("Desk", 2, "sip:alice@example.com", CREATED, "second"));

        assertThat(steps.messages(job, desk.uid(), batch)).isZero();

        assertThat(job.view().errors()).containsExactly("messages of room " + desk.uid()
                + ": the room was not imported");
        assertThat(job.view().done()).isEqualTo(2);
    }

    @Test
    void theExportReadsARoomsMessagesInPages() {
        source.messages.post(desk, "alice@example.com", CREATED, "one");
        source.messages.post(desk, "alice@example.com", CREATED, "two");
        source.messages.post(desk, "alice@example.com", CREATED, "three");
        TransferQueries queries = source.transferQueries();

        assertThat(queries.countMessages(desk.uid())).isEqualTo(3);
        assertThat(queries.countMessages("nope")).isZero();
        assertThat(queries.messages(desk.uid(), 1, 1)).containsExactly(new RoomMessage("Desk", 2,
                "sip:alice@example.com", CREATED, "two"));
        assertThat(queries.messages("nope", 0, 10)).isEmpty();
    }
}
