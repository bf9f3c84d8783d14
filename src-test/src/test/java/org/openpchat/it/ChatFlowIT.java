package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategoryChange;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.chat.SearchRequest;
import org.openpchat.chat.application.chat.SearchService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.SearchResult;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/** Join, post, history paging and search through the EJBs, against the real database. */
@ExtendWith(ArquillianExtension.class)
class ChatFlowIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(ChatFlowIT.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/CategoryService")
    private CategoryService categories;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/ChatService")
    private ChatService chat;
    @EJB(lookup = "java:app/chat-ejb/HistoryService")
    private HistoryService history;
    @EJB(lookup = "java:app/chat-ejb/SearchService")
    private SearchService search;
    @Resource
    private ManagedExecutorService executor;

    private final Actor admin = Actor.administrator("it");
    private Actor writer;
    private Actor reader;
    private String room;
    private String category;

    @BeforeEach
    void openRoom() {
        String group = Fixtures.unique("grp");
        String writerName = Fixtures.unique("w") + "@example.com";
        String readerName = Fixtures.unique("r") + "@example.com";
        directory.createUser(writerName, null, null, null);
        directory.createUser(readerName, null, null, null);
        directory.createGroup(group, null);
        directory.addToGroup(group, "sip:" + writerName);
        directory.addToGroup(group, "sip:" + readerName);
        category = Fixtures.unique("cat");
        categories.create(admin, CategorySpec.named(category));
        categories.modifyAllowedMembers(admin, category, AccessList.adding(PrincipalId.group(group)));
        room = Fixtures.unique("room");
        rooms.create(admin, RoomSpec.named(room, category).withPrivacy(Privacy.OPEN));
        writer = directory.actorFor(writerName);
        reader = directory.actorFor(readerName);
    }

    @Test
    void postsAreStoredAndPagedOldestFirst() {
        assertThat(chat.join(writer, room).occupants()).contains(writer.user());
        for (int i = 1; i <= 12; i++) {
            assertThat(chat.post(writer, room, "message " + i).id()).isEqualTo(i);
        }

        assertThat(contents(history.newest(reader, room, 3))).containsExactly("message 10", "message 11",
                "message 12");
        assertThat(contents(history.before(reader, room, 10, 4))).containsExactly("message 6", "message 7",
                "message 8", "message 9");
        assertThat(contents(history.after(reader, room, 10, 5))).containsExactly("message 11", "message 12");
        assertThat(history.newest(reader, room, 0)).hasSize(12);
        assertThat(chat.leave(writer, room)).isTrue();
        assertThat(chat.leave(writer, room)).isFalse();
    }

    @Test
    void concurrentPostsGetDistinctGaplessIds() throws Exception {
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers.add(executor.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    ids.add(chat.post(writer, room, "worker " + worker + " post " + i).id());
                }
                return ids;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        assertThat(all).hasSize(100).doesNotHaveDuplicates();
        assertThat(all).allMatch(id -> id >= 1 && id <= 100);
        assertThat(history.newest(reader, room, 100)).extracting(ChatMessage::messageId)
                .isSorted().hasSize(100);
    }

    @Test
    void searchFindsWordsPhrasesAuthorsAndTimes() {
        Instant before = Instant.now().minusSeconds(1);
        chat.post(writer, room, "Quarterly numbers are in");
        chat.post(reader, room, "the numbers look good");
        chat.post(writer, room, "Lunch?");

        assertThat(texts(search.search(reader, SearchRequest.text("numbers", room)))).containsExactly(
                "the numbers look good", "Quarterly numbers are in");
        assertThat(texts(search.search(reader, new SearchRequest(List.of(room), "Numbers look", true, false, null,
                null, null, 0)))).containsExactly("the numbers look good");
        assertThat(texts(search.search(reader, new SearchRequest(List.of(room), "quarterly", false, true, null,
                null, null, 0)))).isEmpty();
        assertThat(texts(search.search(reader, new SearchRequest(List.of(room), null, false, false,
                writer.user().name(), before, null, 0)))).containsExactly("Lunch?", "Quarterly numbers are in");
        SearchResult capped = search.search(reader, new SearchRequest(List.of(room), null, false, false,
                writer.user().name(), null, null, 1));
        assertThat(capped.exceededLimit()).isTrue();
        assertThat(texts(capped)).containsExactly("Lunch?");
        assertThat(texts(search.search(reader, SearchRequest.text("numbers")))).hasSize(2);
    }

    @Test
    void withoutHistoryPostsAreDeliveredButNotKept() {
        categories.update(admin, category, CategoryChange.of(new CategorySpec(null, null, null, null, false)), null);
        RoomMessage posted = chat.post(writer, room, "off the record");
        assertThat(posted.id()).isPositive();
        assertThatThrownBy(() -> history.newest(reader, room, 10)).hasMessageContaining("history");
        categories.update(admin, category, CategoryChange.of(new CategorySpec(null, null, null, null, true)), null);
        assertThat(history.newest(reader, room, 10)).isEmpty();
    }

    @Test
    void badPostsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> chat.post(writer, room, "x".repeat(ChatMessage.MAX_CONTENT + 1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.getMessage()).contains("too large"));
        assertThatThrownBy(() -> chat.post(writer, "ma-chan://example.com/no-such-room", "hello"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.NOT_FOUND));
        assertThat(history.newest(reader, room, 10)).isEmpty();
        assertThat(chat.post(writer, room, "first real post").id()).isEqualTo(1);
    }

    private static List<String> contents(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::content).toList();
    }

    private static List<String> texts(SearchResult result) {
        return contents(result.messages());
    }
}
