package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageSearch;
import org.openpchat.chat.domain.message.SearchResult;
import org.openpchat.chat.domain.message.TextQuery;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;

class JpaHistoryMappingTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final JpaTestDatabase db = new JpaTestDatabase();
    private String lobby;
    private String desk;

    @BeforeEach
    void rooms() {
        db.run(em -> {
            Category general = new Category("General", "everyone");
            general.modifyAllowedMembers(AccessList.adding(PrincipalId.group("staff")));
            new JpaCategoryRepository(em).add(general);
            JpaRoomRepository rooms = new JpaRoomRepository(em);
            Room lobbyRoom = new Room("Lobby", general, T0);
            lobbyRoom.changePrivacy(Privacy.OPEN);
            rooms.add(lobbyRoom);
            Room deskRoom = new Room("Desk", general, T0);
            deskRoom.modifyManagers(AccessList.adding(BOB), p -> new org.openpchat.chat.domain.principal.Affiliations(
                    Set.of(p, PrincipalId.group("staff"))));
            rooms.add(deskRoom);
            lobby = lobbyRoom.uid();
            desk = deskRoom.uid();
        });
        post(lobby, ALICE, 0, "Good morning, everyone");
        post(lobby, BOB, 1, "The CAT sat on the mat");
        post(lobby, ALICE, 2, "category review at noon");
        post(desk, BOB, 3, "cat food prices up 5%");
        post(lobby, BOB, 4, "Good night");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void roomsKeepTheirSettingsAndLists() {
        db.run(em -> {
            Room room = new JpaRoomRepository(em).findByUid(desk).orElseThrow();
            assertThat(room.name()).isEqualTo("Desk");
            assertThat(room.privacy()).isEqualTo(Privacy.CLOSED);
            assertThat(room.managers()).containsExactly(BOB);
            assertThat(room.category().allowedMembers()).containsExactly(PrincipalId.group("staff"));
            assertThat(room.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    void messageIdsIncreaseByOnePerRoom() {
        List<Long> lobbyIds = db.inTransaction(em -> new JpaMessageRepository(em)
                .newest(room(em, lobby), 10).stream().map(ChatMessage::messageId).toList());
        List<Long> deskIds = db.inTransaction(em -> new JpaMessageRepository(em)
                .newest(room(em, desk), 10).stream().map(ChatMessage::messageId).toList());
        assertThat(lobbyIds).containsExactly(1L, 2L, 3L, 4L);
        assertThat(deskIds).containsExactly(1L);
    }

    @Test
    void historyPagesBackwardsAndForwardsOldestFirst() {
        db.run(em -> {
            JpaMessageRepository messages = new JpaMessageRepository(em);
            Room room = room(em, lobby);
            assertThat(messages.newest(room, 2)).extracting(ChatMessage::content)
                    .containsExactly("category review at noon", "Good night");
            assertThat(messages.before(room, 3, 5)).extracting(ChatMessage::messageId).containsExactly(1L, 2L);
            assertThat(messages.before(room, 4, 1)).extracting(ChatMessage::messageId).containsExactly(3L);
            assertThat(messages.after(room, 1, 2)).extracting(ChatMessage::messageId).containsExactly(2L, 3L);
            assertThat(messages.after(room, 4, 2)).isEmpty();
            assertThat(messages.countIn(room)).isEqualTo(4);
            ChatMessage first = messages.newest(room, 4).get(0);
            assertThat(first.author()).isEqualTo(ALICE);
            assertThat(first.postedAt()).isEqualTo(T0);
        });
    }

    @Test
    void searchByWordPhraseCaseAuthorAndTime() {
        assertThat(search(new TextQuery("cat", false, false), null, null, null, 10, lobby, desk))
                .containsExactly("cat food prices up 5%", "The CAT sat on the mat");
        assertThat(search(new TextQuery("CAT", false, true), null, null, null, 10, lobby, desk))
                .containsExactly("The CAT sat on the mat");
        assertThat(search(new TextQuery("mat cat", false, false), null, null, null, 10, lobby))
                .containsExactly("The CAT sat on the mat");
        assertThat(search(new TextQuery("mat cat", true, false), null, null, null, 10, lobby)).isEmpty();
        assertThat(search(new TextQuery("5%", false, false), null, null, null, 10, lobby, desk))
                .containsExactly("cat food prices up 5%");
        assertThat(search(null, ALICE, null, null, 10, lobby, desk))
                .containsExactly("category review at noon", "Good morning, everyone");
        assertThat(search(new TextQuery("good", false, false), null, T0.plusSeconds(60), null, 10, lobby))
                .containsExactly("Good night");
        assertThat(search(new TextQuery("good", false, false), null, null, T0.plusSeconds(60), 10, lobby))
                .containsExactly("Good morning, everyone");
    }

    @Test
    void aCaseSensitiveSearchBeyondAsciiFindsWhatItsExactTextFinds() {
        post(desk, ALICE, 5, "\u0130stanbul office: \u00c4rger im B\u00fcro");
        assertThat(search(new TextQuery("\u0130stanbul", false, true), null, null, null, 10, desk))
                .containsExactly("\u0130stanbul office: \u00c4rger im B\u00fcro");
        assertThat(search(new TextQuery("\u00c4rger OFFICE", false, true), null, null, null, 10, desk)).isEmpty();
        assertThat(search(new TextQuery("\u00e4rger office", false, false), null, null, null, 10, desk))
                .containsExactly("\u0130stanbul office: \u00c4rger im B\u00fcro");
    }

    @Test
    void onlyFragmentsThatLowerCaseAlikeEverywhereNarrowByTheLowerCasedText() {
        assertThat(SearchCandidates.lowerCasedAlike("\u0130stanbul", false)).isTrue();
        assertThat(SearchCandidates.lowerCasedAlike("CAT", true)).isTrue();
        assertThat(SearchCandidates.lowerCasedAlike("\u0130stanbul", true)).isFalse();
        assertThat(SearchCandidates.lowerCasedAlike("\u007f", true)).isTrue();
        assertThat(SearchCandidates.lowerCasedAlike("\u0080", true)).isFalse();
    }

    @Test
    void searchReportsWhenMoreMatchedThanTheLimit() {
        SearchResult result = db.inTransaction(em -> new JpaMessageRepository(em).search(
                new MessageSearch(Set.of(lobby), null, BOB, null, null, 1), List.of(room(em, lobby))));
        assertThat(result.exceededLimit()).isTrue();
        assertThat(result.messages()).extracting(ChatMessage::content).containsExactly("Good night");
    }

    @Test
    void aTextSearchFindsTheSameWhereverItsWalkThroughRecentPostsEnds() {
        post(lobby, ALICE, 4, "a cat at the same minute as good night");
        post(desk, ALICE, 5, "the cat again, concatenated");
        post(lobby, BOB, 6, "no feline here");
        List<MessageSearch> searches = List.of(
                new MessageSearch(Set.of(lobby, desk), new TextQuery("cat", false, false), null, null, null, 10),
                new MessageSearch(Set.of(lobby, desk), new TextQuery("cat", false, false), null, null, null, 2),
                new MessageSearch(Set.of(lobby, desk), new TextQuery("CAT", false, true), null, null, null, 10),
                new MessageSearch(Set.of(desk), new TextQuery("cat", false, false), null, null, null, 1),
                new MessageSearch(Set.of(lobby, desk), new TextQuery("good", false, false), null, null,
                        T0.plusSeconds(240), 10),
                new MessageSearch(Set.of(lobby, desk), new TextQuery("cat", false, false), ALICE, T0.plusSeconds(60),
                        null, 10));
        for (MessageSearch search : searches) {
            List<String> everything = pages(search, 100);
            assertThat(everything).as("%s with no stretch boundary", search).isNotEmpty();
            for (int recentPosts = 1; recentPosts <= 9; recentPosts++) {
                assertThat(pages(search, recentPosts)).as("%s, walking the newest %d", search, recentPosts)
                        .isEqualTo(everything);
            }
        }
        assertThat(pages(searches.get(0), 100)).containsExactly("the cat again, concatenated",
                "a cat at the same minute as good night", "cat food prices up 5%", "The CAT sat on the mat");
    }

    /** Every result of the search, page after page, each page's size and more-flag checked. */
    private List<String> pages(MessageSearch first, int recentPosts) {
        List<String> all = new java.util.ArrayList<>();
        MessageSearch search = first;
        while (true) {
            MessageSearch page = search;
            SearchResult result = db.inTransaction(em -> new JpaMessageRepository(em, recentPosts).search(page,
                    page.roomUids().stream().map(uid -> room(em, uid)).toList()));
            assertThat(result.messages().size()).isLessThanOrEqualTo(page.limit());
            result.messages().forEach(message -> all.add(message.content()));
            if (!result.exceededLimit()) {
                return all;
            }
            assertThat(result.messages()).hasSize(page.limit());
            ChatMessage last = result.messages().get(result.messages().size() - 1);
            search = new MessageSearch(page.roomUids(), page.text(), page.author(), page.from(), page.to(),
                    page.limit(), org.openpchat.chat.domain.message.SearchCursor.after(last));
        }
    }

    private List<String> search(TextQuery text, PrincipalId author, Instant from, Instant to, int limit,
            String... roomUids) {
        return db.inTransaction(em -> {
            List<Room> rooms = java.util.Arrays.stream(roomUids).map(uid -> room(em, uid)).toList();
            MessageSearch search = new MessageSearch(Set.of(roomUids), text, author, from, to, limit);
            return new JpaMessageRepository(em).search(search, rooms).messages().stream()
                    .map(ChatMessage::content).toList();
        });
    }

    private void post(String roomUid, PrincipalId author, int minute, String text) {
        db.run(em -> {
            JpaMessageRepository messages = new JpaMessageRepository(em);
            Room room = room(em, roomUid);
            messages.add(new ChatMessage(room.id(), messages.nextMessageId(room), author,
                    T0.plusSeconds(60L * minute), text));
        });
    }

    private static Room room(jakarta.persistence.EntityManager em, String uid) {
        return new JpaRoomRepository(em).findByUid(uid).orElseThrow();
    }
}
