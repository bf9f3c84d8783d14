package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.audit.AuditEntry;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageSearch;
import org.openpchat.chat.domain.message.SearchCursor;
import org.openpchat.chat.domain.message.SearchResult;
import org.openpchat.chat.domain.message.TextQuery;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.TextFilter;
import org.openpchat.chat.infrastructure.audit.JpaAuditLog;

/** What the administration use cases need from the mgc mapping, on EclipseLink and H2. */
class JpaAdministrationMappingTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final JpaTestDatabase db = new JpaTestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void postsAreFoundRemovedClearedAndTheCounterContinuesAfterAnImport() {
        String uid = room("Lobby");
        for (int i = 1; i <= 4; i++) {
            post(uid, i, T0.plusSeconds(i), "post " + i);
        }

        db.run(em -> {
            JpaMessageRepository messages = new JpaMessageRepository(em);
            Room room = new JpaRoomRepository(em).findByUid(uid).orElseThrow();
            messages.remove(messages.find(room, 2).orElseThrow());
            messages.find(room, 3).orElseThrow().replaceContent("replaced");
        });
        db.run(em -> {
            JpaMessageRepository messages = new JpaMessageRepository(em);
            Room room = new JpaRoomRepository(em).findByUid(uid).orElseThrow();
            assertThat(messages.find(room, 2)).isEmpty();
            assertThat(messages.newest(room, 10)).extracting(ChatMessage::content)
                    .containsExactly("post 1", "replaced", "post 4");
            assertThat(messages.removeBefore(room, T0.plusSeconds(3).plusMillis(1))).isEqualTo(2);
            assertThat(messages.newest(room, 10)).extracting(ChatMessage::messageId).containsExactly(4L);
            assertThat(messages.lastMessageId(room)).as("the counter, whatever was removed").isEqualTo(4);
            messages.continueAfter(room, 41);
            messages.continueAfter(room, 7);
            assertThat(messages.nextMessageId(room)).isEqualTo(42);
        });
        long last = db.inTransaction(em -> new JpaMessageRepository(em).lastMessageId(
                new JpaRoomRepository(em).findByUid(uid).orElseThrow()));
        assertThat(last).as("as committed").isEqualTo(42);
    }

    @Test
    void searchPagesFollowTheCursorWithoutGapsOrRepeats() {
        String uid = room("Lobby");
        for (int i = 1; i <= 5; i++) {
            post(uid, i, T0.plusSeconds(i / 2), "match " + i);
        }

        List<Long> seen = db.inTransaction(em -> {
            JpaMessageRepository messages = new JpaMessageRepository(em);
            Room room = new JpaRoomRepository(em).findByUid(uid).orElseThrow();
            MessageSearch first = new MessageSearch(Set.of(uid), new TextQuery("match", false, false), null, null, null,
                    2);
            SearchResult page1 = messages.search(first, List.of(room));
            SearchResult page2 = messages.search(new MessageSearch(Set.of(uid), first.text(), null, null, null, 2,
                    SearchCursor.after(page1.messages().get(1))), List.of(room));
            SearchResult page3 = messages.search(new MessageSearch(Set.of(uid), first.text(), null, null, null, 2,
                    SearchCursor.parse(SearchCursor.after(page2.messages().get(1)).text())), List.of(room));
            assertThat(page1.exceededLimit()).isTrue();
            assertThat(page3.exceededLimit()).isFalse();
            return java.util.stream.Stream.of(page1, page2, page3).flatMap(p -> p.messages().stream())
                    .map(ChatMessage::messageId).toList();
        });

        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void endpointsAreUniquePerAddressAndFoundByIt() {
        db.run(em -> new JpaChatEndpointRepository(em).add(new ChatEndpoint("sip:PChat@Example.com", "Pool")));

        db.run(em -> {
            JpaChatEndpointRepository endpoints = new JpaChatEndpointRepository(em);
            assertThat(endpoints.find("sip:pchat@example.com")).get().extracting(ChatEndpoint::displayName)
                    .isEqualTo("Pool");
            assertThat(endpoints.all()).hasSize(1);
            assertThat(endpoints.lockAll()).isEqualTo(1);
        });
    }

    @Test
    void theNewestInvitationsOldestFirst() {
        String uid = room("Invited");
        PrincipalId staff = PrincipalId.group("staff");
        db.run(em -> {
            Long roomId = new JpaRoomRepository(em).findByUid(uid).orElseThrow().id();
            JpaInvitationRepository invitations = new JpaInvitationRepository(em);
            for (int i = 0; i < 5; i++) {
                invitations.add(new Invitation(roomId, i % 2 == 0 ? ALICE : staff, T0.plusSeconds(i)));
            }
            invitations.add(new Invitation(roomId, PrincipalId.user("bob@example.com"), T0));
        });

        db.run(em -> assertThat(new JpaInvitationRepository(em).newestForAnyOf(List.of(ALICE, staff), 3))
                .extracting(Invitation::createdAt)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4)));
    }

    @Test
    void roomsAreReadByPagesOfNamesMatchingAFilter() {
        for (String name : List.of("Bond Desk", "bond_archive", "FX Desk", "Lobby", "100% Desk", "Desk!")) {
            room(name);
        }

        db.run(em -> {
            JpaRoomRepository rooms = new JpaRoomRepository(em);
            assertThat(rooms.page(TextFilter.of("desk"), null, 2)).extracting(Room::name)
                    .containsExactly("100% Desk", "Bond Desk");
            assertThat(rooms.page(TextFilter.of("desk"), "Bond Desk", 10)).extracting(Room::name)
                    .containsExactly("Desk!", "FX Desk");
            assertThat(rooms.page(TextFilter.of("B?nd*"), null, 10)).extracting(Room::name)
                    .containsExactly("Bond Desk", "bond_archive");
            assertThat(rooms.page(TextFilter.of("_"), null, 10)).as("LIKE's own wildcards are plain characters")
                    .extracting(Room::name).containsExactly("bond_archive");
            assertThat(rooms.page(TextFilter.of("0%"), null, 10)).extracting(Room::name).containsExactly("100% Desk");
            assertThat(rooms.page(TextFilter.of("k!"), null, 10)).extracting(Room::name).containsExactly("Desk!");
            assertThat(rooms.page(TextFilter.of(""), "FX Desk", 10)).extracting(Room::name)
                    .containsExactly("Lobby", "bond_archive");
            List<Long> ids = rooms.page(TextFilter.of("Lobby"), null, 1).stream().map(Room::id).toList();
            assertThat(rooms.withIds(List.of(ids.get(0), -1L))).extracting(Room::name).containsExactly("Lobby");
            assertThat(rooms.withIds(List.of())).isEmpty();
        });
    }

    @Test
    void auditEntriesKeepTheItemAsJsonInOrder() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        CategoryView before = new CategoryView("General", null, List.of(), List.of(), List.of(), false, true, true);
        CategoryView after = new CategoryView("General", "everyone", List.of("group:staff"), List.of(), List.of(),
                false, true, true);
        db.run(em -> {
            JpaAuditLog log = new JpaAuditLog(em, clock);
            log.record("sip:admin@example.com", "New-CsPersistentChatCategory", "category:General", null, before);
            log.record("sip:admin@example.com", "Set-CsPersistentChatCategory", "category:General", before, after);
        });

        List<AuditEntry> entries = db.inTransaction(em -> new JpaAuditLog(em, clock).since(T0, 10));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("New-CsPersistentChatCategory",
                "Set-CsPersistentChatCategory");
        assertThat(entries.get(0).before()).isNull();
        assertThat(entries.get(1).after()).contains("\"description\":\"everyone\"", "\"group:staff\"");
        assertThat(entries.get(1).at()).isEqualTo(T0);
        List<AuditEntry> later = db.inTransaction(em -> new JpaAuditLog(em, clock).since(T0.plusSeconds(1), 10));
        assertThat(later).isEmpty();
    }

    @Test
    void principalsAreReadByTheBatchAndByPolicy() {
        db.run(em -> {
            JpaPrincipalRepository principals = new JpaPrincipalRepository(em);
            for (String name : List.of("a", "b", "c")) {
                Principal user = Principal.user(PrincipalId.user(name + "@example.com"), null);
                user.grantPolicy(name.equals("c") ? null : "Pilot");
                principals.add(user);
            }
            Principal staff = Principal.group(PrincipalId.group("staff"), null);
            staff.addMember(PrincipalId.user("a@example.com"));
            principals.add(staff);
        });

        db.run(em -> {
            JpaPrincipalRepository principals = new JpaPrincipalRepository(em);
            assertThat(principals.findAll(List.of(PrincipalId.user("a@example.com"), PrincipalId.group("staff"),
                    PrincipalId.user("nobody@example.com")))).containsOnlyKeys(PrincipalId.user("a@example.com"),
                            PrincipalId.group("staff"));
            assertThat(principals.countWithPolicy("pilot")).isEqualTo(2);
            assertThat(principals.groupsOf(PrincipalId.user("a@example.com"))).extracting(Principal::principalId)
                    .containsExactly(PrincipalId.group("staff"));
            assertThat(principals.search(PrincipalKind.USER, "", 1, 10)).extracting(p -> p.principalId().name())
                    .containsExactly("b@example.com", "c@example.com");
        });
    }

    @Test
    void aRestoredRoomKeepsItsIdAndLists() {
        db.run(em -> {
            Category general = Category.restore("c0ffee00-0000-0000-0000-000000000001", "General", null);
            new JpaCategoryRepository(em).add(general);
            Room room = Room.restore("c0ffee00-0000-0000-0000-000000000002", "Lobby", general, T0);
            room.restoreLists(Set.of(ALICE), Set.of(ALICE), Set.of());
            new JpaRoomRepository(em).add(room);
        });

        db.run(em -> {
            Room room = new JpaRoomRepository(em).findByUid("c0ffee00-0000-0000-0000-000000000002").orElseThrow();
            assertThat(room.category().uid()).isEqualTo("c0ffee00-0000-0000-0000-000000000001");
            assertThat(room.members()).containsExactly(ALICE);
            assertThat(room.managers()).containsExactly(ALICE);
            assertThat(room.createdAt()).isEqualTo(T0);
        });
    }

    private String room(String name) {
        return db.inTransaction(em -> {
            Category general = new Category("General-" + name, null);
            new JpaCategoryRepository(em).add(general);
            Room room = new Room(name, general, T0);
            new JpaRoomRepository(em).add(room);
            return room.uid();
        });
    }

    private void post(String roomUid, long id, Instant at, String text) {
        db.run(em -> {
            Room room = new JpaRoomRepository(em).findByUid(roomUid).orElseThrow();
            JpaMessageRepository messages = new JpaMessageRepository(em);
            messages.add(new ChatMessage(room.id(), messages.nextMessageId(room), ALICE, at, text));
        });
    }
}
