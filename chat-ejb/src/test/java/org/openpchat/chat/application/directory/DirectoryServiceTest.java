package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** The server's directory: users, groups, memberships, passwords, and who is an administrator. */
class DirectoryServiceTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final PrincipalId TRADERS = PrincipalId.group("traders");
    private static final PrincipalId SALES = PrincipalId.group("sales");

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final DirectoryService service = server.directory();
    private final Actor admin = server.admin;

    @Test
    void administratorsCreateUsersWithTheirPasswordAndGroups() {
        service.createGroup("traders", "Traders");

        UserView created = service.createUser(admin, "sip:alice@example.com", new UserChange("Alice", "s3cret",
                "OU=Desk,DC=example,DC=com", "Berlin", AccessList.adding(TRADERS)));

        assertThat(created).isEqualTo(new UserView("sip:alice@example.com", "Alice", List.of("group:traders"),
                "ou=desk,dc=example,dc=com", "Berlin", null));
        assertThat(server.credentials.passwords()).containsEntry(ALICE, "s3cret");
        assertThat(service.verifyPassword("alice@example.com", "s3cret")).isTrue();
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "New-User",
                "user:sip:alice@example.com", null, created));
        assertThat(server.auditLog.only().after().toString()).doesNotContain("s3cret");
    }

    @Test
    void aBlankOuOrSiteIsNone() {
        UserView created = service.createUser(admin, "alice@example.com", new UserChange(null, null, " ", "",
                null));

        assertThat(created.organizationalUnit()).isNull();
        assertThat(created.site()).isNull();
        assertThat(server.credentials.passwords()).isEmpty();
    }

    @Test
    void aUserOrGroupIsCreatedOnce() {
        service.createUser(admin, "alice@example.com", new UserChange(null, null, null, null, null));
        service.createGroup(admin, "traders", null, null);

        assertThatThrownBy(() -> service.createUser(admin, "sip:alice@example.com",
                new UserChange(null, null, null, null, null)))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("sip:alice@example.com already exists");
        assertThatThrownBy(() -> service.createGroup(admin, "traders", null, null))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThat(server.auditLog.entries()).hasSize(2);
    }

    @Test
    void anUpdateChangesWhatItNamesAndSaysWhenThePasswordChanged() {
        service.createGroup("traders", null);
        service.createGroup("sales", null);
        UserView before = service.createUser(admin, "alice@example.com", new UserChange("Alice", null, "OU=A",
                "Berlin", AccessList.adding(TRADERS)));

        UserView after = service.updateUser(admin, "alice@example.com", new UserChange("Alice A.", "pw", "",
                "Paris", new AccessList(Set.of(SALES), Set.of(TRADERS), null)), ItemTags.of(before));

        assertThat(after).isEqualTo(new UserView("sip:alice@example.com", "Alice A.", List.of("group:sales"), null,
                "Paris", null));
        assertThat(server.credentials.passwords()).containsEntry(ALICE, "pw");
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Set-User (password changed)", "user:sip:alice@example.com", before, after));
        assertThat(server.locks.locked()).hasSize(1);

        UserView again = service.updateUser(admin, "alice@example.com", new UserChange(null, null, "OU=B", null,
                null), null);
        assertThat(again).isEqualTo(new UserView("sip:alice@example.com", "Alice A.", List.of("group:sales"), "ou=b",
                "Paris", null));
        assertThat(server.auditLog.entries()).last().extracting(Recorded::action).isEqualTo("Set-User");
        assertThatThrownBy(() -> service.updateUser(admin, "alice@example.com", new UserChange("x", null, null,
                null, null), ItemTags.of(before))).isInstanceOf(StaleItemException.class);
        assertThatThrownBy(() -> service.updateUser(admin, "nobody@example.com", new UserChange("x", null, null,
                null, null), null)).hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND)
                .hasMessage("no such principal: sip:nobody@example.com");
    }

    @Test
    void usersJoinOnlyGroups() {
        service.createUser("bob@example.com", null, null, null);

        assertThatThrownBy(() -> service.createUser(admin, "alice@example.com", new UserChange(null, null, null,
                null, AccessList.adding(BOB)))).hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessage("not a group: sip:bob@example.com");
        assertThatThrownBy(() -> service.updateUser(admin, "bob@example.com", new UserChange(null, null, null,
                null, AccessList.adding(TRADERS)), null)).hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void removingAUserTakesTheirCredentialsAndMemberships() {
        service.createGroup("traders", null);
        UserView alice = service.createUser(admin, "alice@example.com", new UserChange(null, "pw", null, null,
                AccessList.adding(TRADERS)));

        assertThat(service.exists(ALICE)).isTrue();
        service.removeUser(admin, "alice@example.com");

        assertThat(service.exists(ALICE)).isFalse();
        assertThat(server.credentials.passwords()).isEmpty();
        assertThat(service.find("group:traders").members()).isEmpty();
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test", "Remove-User",
                "user:sip:alice@example.com", alice, null));
    }

    @Test
    void groupsAreCreatedWithExistingMembersAndChangedByModifier() {
        service.createUser("alice@example.com", "Alice", null, null);
        service.createUser("bob@example.com", "Bob", null, null);
        service.createGroup("sales", null);

        GroupView created = service.createGroup(admin, "traders", "Traders", Set.of(ALICE, SALES));
        assertThat(created).isEqualTo(new GroupView("traders", "Traders", List.of("group:sales",
                "sip:alice@example.com")));
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "New-Group", "group:traders",
                null, created));
        assertThatThrownBy(() -> service.createGroup(admin, "desk", null, Set.of(PrincipalId.user("x@example.com"))))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);

        GroupView after = service.updateGroup(admin, "traders", "Desk", new AccessList(Set.of(BOB), Set.of(SALES),
                null), ItemTags.of(created));
        assertThat(after).isEqualTo(new GroupView("traders", "Desk", List.of("sip:alice@example.com",
                "sip:bob@example.com")));
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test", "Set-Group",
                "group:traders", created, after));
        assertThat(service.updateGroup(admin, "traders", null, AccessList.replacing(List.of(BOB)), null))
                .isEqualTo(new GroupView("traders", "Desk", List.of("sip:bob@example.com")));
        assertThat(service.updateGroup(admin, "traders", null, null, null).members())
                .containsExactly("sip:bob@example.com");
        assertThatThrownBy(() -> service.updateGroup(admin, "traders", "x", null, ItemTags.of(created)))
                .isInstanceOf(StaleItemException.class);
        assertThat(service.group(admin, "traders").displayName()).isEqualTo("Desk");
    }

    @Test
    void ousAndDomainsNeedNotExistToBeMembers() {
        GroupView created = service.createGroup(admin, "everyone", null, Set.of(PrincipalId.domain("example.com")));

        assertThat(created.members()).containsExactly("domain:example.com");
        service.addToGroup("everyone", "ou:OU=Desk,DC=example,DC=com");
        assertThat(service.find("group:everyone").members()).hasSize(2);
    }

    @Test
    void removingAGroupTakesItOutOfOtherGroups() {
        service.createGroup("traders", null);
        service.createGroup("desks", null);
        service.addToGroup("desks", "group:traders");
        GroupView before = service.group(admin, "traders");

        service.removeGroup(admin, "traders");

        assertThat(service.exists(TRADERS)).isFalse();
        assertThat(service.find("group:desks").members()).isEmpty();
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "Remove-Group", "group:traders",
                before, null));
        assertThatThrownBy(() -> service.removeGroup(admin, "traders"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void listsArePagedAndCapped() {
        for (String name : List.of("a", "b", "c", "d")) {
            service.createUser(name + "@example.com", null, null, null);
            service.createGroup("g" + name, null);
        }

        assertThat(service.users(admin, "", 1, 2)).extracting(UserView::uri)
                .containsExactly("sip:b@example.com", "sip:c@example.com");
        assertThat(service.users(admin, "", 0, 0)).as("at least one").hasSize(1);
        assertThat(service.groups(admin, "g", 3, 10)).extracting(GroupView::name).containsExactly("gd");
        assertThat(service.groups(admin, "", 0, -5)).hasSize(1);
        assertThat(service.search(PrincipalKind.USER, "", 0)).hasSize(1);
        assertThat(service.search(PrincipalKind.USER, "", 3)).hasSize(3);
        assertThat(service.search(PrincipalKind.GROUP, "", 5000)).hasSize(4);
        assertThat(service.user(admin, "c@example.com").uri()).isEqualTo("sip:c@example.com");
    }

    @Test
    void listsAreCappedAtTheMaximumPage() {
        for (int i = 0; i < 3; i++) {
            service.createUser("u" + i + "@example.com", null, null, null);
        }
        RecordingPrincipalSearch principals = new RecordingPrincipalSearch();
        DirectoryService capped = new DirectoryService(principals, server.credentials, server.settings,
                server.locks, server.audit);

        capped.users(admin, "", 0, DirectoryService.MAX_PAGE + 1);
        capped.groups(admin, "", 0, DirectoryService.MAX_PAGE);
        capped.search(PrincipalKind.USER, "", 1001);
        capped.search(PrincipalKind.USER, "", 1000);

        assertThat(principals.limits).containsExactly(DirectoryService.MAX_PAGE, DirectoryService.MAX_PAGE, 1000,
                1000);
    }

    /** Notes the limits it is asked for. */
    private static final class RecordingPrincipalSearch extends org.openpchat.chat.domain.principal.InMemoryPrincipals {
        final java.util.List<Integer> limits = new java.util.ArrayList<>();

        @Override
        public List<Principal> search(PrincipalKind kind, String filter, int maxResults) {
            limits.add(maxResults);
            return List.of();
        }

        @Override
        public List<Principal> search(PrincipalKind kind, String filter, int offset, int maxResults) {
            limits.add(maxResults);
            return List.of();
        }
    }

    @Test
    void nobodyButAnAdministratorManagesTheDirectory() {
        Actor user = Actor.user(ALICE, null);
        UserChange change = new UserChange(null, null, null, null, null);

        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call
                : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> service.createUser(user, "x@example.com", change),
                () -> service.updateUser(user, "x@example.com", change, null),
                () -> service.removeUser(user, "x@example.com"),
                () -> service.user(user, "x@example.com"),
                () -> service.users(user, "", 0, 10),
                () -> service.createGroup(user, "g", null, null),
                () -> service.updateGroup(user, "g", null, null, null),
                () -> service.removeGroup(user, "g"),
                () -> service.group(user, "g"),
                () -> service.groups(user, "", 0, 10))) {
            assertThatThrownBy(call).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                    .hasMessage("only Persistent Chat administrators manage users and groups");
        }
        assertThat(server.principals.search(PrincipalKind.USER, "", 10)).isEmpty();
    }

    @Test
    void theServersOwnDirectoryOperations() {
        Principal alice = service.createUser("alice@example.com", "Alice", "OU=Desk", "Berlin");
        assertThat(alice.organizationalUnit()).isEqualTo(PrincipalId.ou("ou=desk"));
        assertThat(alice.site()).isEqualTo("Berlin");
        assertThat(service.createUser("bob@example.com", null, null, null).organizationalUnit()).isNull();
        service.createGroup("traders", "Traders");

        service.addToGroup("traders", "sip:alice@example.com");
        assertThat(service.find("group:traders").members()).containsExactly(ALICE);
        assertThatThrownBy(() -> service.addToGroup("traders", "sip:nobody@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        service.removeFromGroup("traders", "sip:alice@example.com");
        assertThatThrownBy(() -> service.removeFromGroup("traders", "sip:alice@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND)
                .hasMessage("sip:alice@example.com is not a member of group traders");

        service.setPassword("alice@example.com", "pw");
        assertThat(service.verifyPassword("alice@example.com", "pw")).isTrue();
        assertThat(service.verifyPassword("alice@example.com", "other")).isFalse();
        assertThat(service.digestHa1("alice@example.com", "alice")).contains("alice:pw");
        assertThat(service.digestHa1("bob@example.com", "bob")).isEmpty();
        assertThatThrownBy(() -> service.setPassword("nobody@example.com", "pw"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);

        service.grantPolicy("alice@example.com", "traders");
        assertThat(alice.policyTag()).isEqualTo("traders");

        service.remove("sip:alice@example.com");
        assertThat(service.exists(ALICE)).isFalse();
        assertThat(server.credentials.passwords()).isEmpty();
        service.setPassword("bob@example.com", "pw");
        service.remove("group:traders");
        assertThat(service.exists(TRADERS)).isFalse();
        assertThat(server.credentials.passwords()).containsKey(BOB);
    }

    @Test
    void membersOfTheAdministratorsGroupActAsAdministrators() {
        service.createUser("alice@example.com", null, null, null);
        service.createUser("bob@example.com", null, null, null);
        service.createGroup("pchat-admins", null);
        service.createGroup("traders", null);
        service.addToGroup("pchat-admins", "group:traders");
        service.addToGroup("traders", "sip:alice@example.com");

        Actor alice = service.actorFor("alice@example.com");
        assertThat(alice.administrator()).as("through a nested group").isTrue();
        assertThat(alice.user()).isEqualTo(ALICE);
        assertThat(service.affiliationsOf(ALICE).ids()).contains(TRADERS, PrincipalId.group("pchat-admins"),
                PrincipalId.domain("example.com"));
        assertThat(alice.affiliations().ids()).contains(TRADERS);
        assertThat(service.actorFor("bob@example.com").administrator()).isFalse();
        assertThatThrownBy(() -> service.actorFor("nobody@example.com"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void actorsAndAffiliationsOfUsersTheDirectoryMayHaveLost() {
        service.createUser("alice@example.com", null, null, null);
        service.createGroup("traders", null);
        service.addToGroup("traders", "sip:alice@example.com");

        assertThat(service.knownActor("alice@example.com")).hasValueSatisfying(
                actor -> assertThat(actor.user()).isEqualTo(ALICE));
        assertThat(service.knownActor("nobody@example.com")).isEmpty();
        java.util.Map<PrincipalId, org.openpchat.chat.domain.principal.Affiliations> kept = service.keptAffiliationsOf(
                java.util.List.of(ALICE, PrincipalId.user("nobody@example.com")));
        assertThat(kept).containsOnlyKeys(ALICE);
        assertThat(kept.get(ALICE).ids()).contains(TRADERS);
    }
}
