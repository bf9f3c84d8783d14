package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.InMemoryMessages;
import org.openpchat.chat.domain.message.MessageSearch;
import org.openpchat.chat.domain.message.SearchResult;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Searching history: a user's search covers the rooms they may read, an administrator's every room. */
class SearchServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-03T10:00:00Z");

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final PrincipalId alice = server.user("alice");
    private final PrincipalId bob = server.user("bob");
    private final Category trading = server.category("Trading");
    private final Room lobby = server.room("Lobby", trading);
    private final Room desk = server.room("Desk", trading);
    private final Searches messages = new Searches();
    private final SearchService service = new SearchService(server.lookup, server.rooms, messages);

    SearchServiceTest() {
        lobby.changePrivacy(Privacy.OPEN);
        desk.modifyMembers(AccessList.adding(alice), server.principals::affiliationsOf);
        messages.post(lobby, "alice@example.com", T1, "bond prices");
        messages.post(desk, "alice@example.com", T2, "bond desk only");
        messages.post(lobby, "bob@example.com", T3, "Bond again");
    }

    /** The history, noting every search it is asked. */
    private static final class Searches extends InMemoryMessages {
        final List<MessageSearch> asked = new ArrayList<>();

        @Override
        public SearchResult search(MessageSearch search, Collection<Room> rooms) {
            asked.add(search);
            return super.search(search, rooms);
        }
    }

    private static List<String> contents(SearchResult result) {
        return result.messages().stream().map(ChatMessage::content).toList();
    }

    @Test
    void aUsersSearchCoversTheRoomsTheyMayRead() {
        assertThat(contents(service.search(server.actor(alice), SearchRequest.text("bond"))))
                .containsExactly("Bond again", "bond desk only", "bond prices");
        assertThat(contents(service.search(server.actor(bob), SearchRequest.text("bond"))))
                .containsExactly("Bond again", "bond prices");
        assertThat(messages.asked.get(1).roomUids()).containsExactly(lobby.uid());
    }

    @Test
    void namedRoomsMustAllBeReadable() {
        assertThat(contents(service.search(server.actor(alice), SearchRequest.text("bond", "Desk"))))
                .containsExactly("bond desk only");
        assertThatThrownBy(() -> service.search(server.actor(bob), SearchRequest.text("bond", "Lobby", "Desk")))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
    }

    @Test
    void noReadableRoomFindsNothingWithoutSearching() {
        Actor outsider = server.actor(server.principals.user("eve@elsewhere.org").principalId());

        SearchResult result = service.search(outsider, SearchRequest.text("bond"));

        assertThat(result.messages()).isEmpty();
        assertThat(result.exceededLimit()).isFalse();
        assertThat(messages.asked).isEmpty();
    }

    @Test
    void theLimitIsTheServersAtMost() {
        Actor actor = server.actor(alice);
        service.search(actor, new SearchRequest(List.of(), "bond", false, false, null, null, null, 0));
        service.search(actor, new SearchRequest(List.of(), "bond", false, false, null, null, null, 5000));
        service.search(actor, new SearchRequest(List.of(), "bond", false, false, null, null, null, 999));
        service.search(actor, new SearchRequest(List.of(), "bond", false, false, null, null, null, 1));

        assertThat(messages.asked).extracting(MessageSearch::limit).containsExactly(999, 999, 999, 1);
    }

    @Test
    void theCriteriaAreWhatTheRequestSays() {
        SearchResult byAuthor = service.search(server.actor(alice), new SearchRequest(List.of(), " ", false, false,
                "sip:bob@example.com", T1, T3, 0));
        assertThat(contents(byAuthor)).containsExactly("Bond again");
        MessageSearch asked = messages.asked.get(0);
        assertThat(asked.text()).isNull();
        assertThat(asked.author()).isEqualTo(bob);
        assertThat(asked.from()).isEqualTo(T1);
        assertThat(asked.to()).isEqualTo(T3);

        service.search(server.actor(alice), new SearchRequest(List.of(), "Bonds", true, true, " ", null, null, 0));
        assertThat(messages.asked.get(1).author()).isNull();
        assertThat(messages.asked.get(1).text().exactPhrase()).isTrue();
        assertThat(messages.asked.get(1).text().caseSensitive()).isTrue();
        assertThatThrownBy(() -> service.search(server.actor(alice), new SearchRequest(List.of(), null, false,
                false, null, null, null, 0))).hasFieldOrPropertyWithValue("reason", Reason.INVALID);
    }

    @Test
    void administratorsSearchEveryRoomWhateverItsRules() {
        FoundMessages found = service.searchAll(server.admin, SearchRequest.text("bond"), null);

        assertThat(found.messages()).extracting(RoomMessage::room, RoomMessage::content).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Lobby", "Bond again"),
                org.assertj.core.groups.Tuple.tuple("Desk", "bond desk only"),
                org.assertj.core.groups.Tuple.tuple("Lobby", "bond prices"));
        assertThat(found.exceededLimit()).isFalse();
        assertThat(found.next()).isNull();
        assertThat(service.searchAll(server.admin, SearchRequest.text("bond", "Desk"), " ").messages())
                .extracting(RoomMessage::content).containsExactly("bond desk only");
        assertThatThrownBy(() -> service.searchAll(server.actor(alice), SearchRequest.text("bond"), null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators search every room");
    }

    @Test
    void anAdministratorPagesWithTheCursorOfThePreviousPage() {
        SearchRequest twoAtATime = new SearchRequest(List.of(), "bond", false, false, null, null, null, 2);

        FoundMessages first = service.searchAll(server.admin, twoAtATime, null);
        assertThat(first.messages()).extracting(RoomMessage::content).containsExactly("Bond again",
                "bond desk only");
        assertThat(first.exceededLimit()).isTrue();
        assertThat(first.next()).isNotNull();

        FoundMessages second = service.searchAll(server.admin, twoAtATime, first.next());
        assertThat(second.messages()).extracting(RoomMessage::content).containsExactly("bond prices");
        assertThat(second.exceededLimit()).isFalse();
        assertThat(second.next()).isNull();
    }

    @Test
    void anAdministratorsSearchOfNoRoomsFindsNothing() {
        InMemoryChatServer empty = new InMemoryChatServer();
        SearchService none = new SearchService(empty.lookup, empty.rooms, messages);

        assertThat(none.searchAll(empty.admin, SearchRequest.text("bond"), null))
                .isEqualTo(new FoundMessages(List.of(), false, null));
        assertThat(messages.asked).isEmpty();
    }
}
