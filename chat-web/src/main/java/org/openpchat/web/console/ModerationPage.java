package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.application.chat.ModerationService;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.chat.SearchRequest;
import org.openpchat.chat.application.chat.SearchService;
import org.openpchat.chat.application.room.RoomQuery;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.message.ChatMessage;

/**
 * Moderation: finding posts across rooms (as {@code GET messages}), removing or replacing one
 * (Remove-CsPersistentChatMessage), clearing a room up to an instant (Clear-CsPersistentChatRoom).
 */
@Named
@ViewScoped
public class ModerationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Posts fetched per search; "more" fetches the next ones. */
    static final int PAGE = 200;

    @EJB
    private SearchService search;
    @EJB
    private ModerationService moderation;
    @EJB
    private RoomService rooms;
    @Inject
    private ConsoleUser user;

    private String text;
    private String author;
    private String room;
    private LocalDateTime from;
    private LocalDateTime to;
    private boolean searched;
    private List<RoomMessage> found = new ArrayList<>();
    private String next;

    private RoomMessage replacing;
    private String replacement;

    private String clearRoom;
    private LocalDateTime clearBefore;

    private List<String> roomNames;

    public List<String> getRoomNames() {
        if (roomNames == null) {
            roomNames = rooms.query(user.actor(), RoomQuery.all()).stream().map(RoomView::name).sorted(
                    String.CASE_INSENSITIVE_ORDER).toList();
        }
        return roomNames;
    }

    public void search() {
        if (blank(text) && blank(author)) {
            Feedback.error("search:text", "a search needs text or an author");
            return;
        }
        found = new ArrayList<>();
        next = null;
        searched = false;
        fetch(null);
    }

    public void more() {
        if (next != null) {
            fetch(next);
        }
    }

    private void fetch(String cursor) {
        SearchRequest request = new SearchRequest(blank(room) ? List.of() : List.of(room), text, false, false,
                blank(author) ? null : author.strip(), ConsoleTimes.instant(from), ConsoleTimes.instant(to), PAGE);
        Feedback.attempt("search:text", () -> search.searchAll(user.actor(), request, cursor)).ifPresent(page -> {
            found.addAll(page.messages());
            next = page.next();
            searched = true;
        });
    }

    public void remove(RoomMessage message) {
        if (Feedback.attempt(null, () -> moderation.remove(user.actor(), message.room(), message.id()))) {
            found.removeIf(m -> same(m, message));
            Feedback.info("Removed message " + message.id() + " from " + message.room() + ".");
        }
    }

    public void startReplacing(RoomMessage message) {
        replacing = message;
        replacement = "";
    }

    public void replace() {
        RoomMessage message = replacing;
        if (message == null) {
            return;
        }
        Feedback.attempt("replaceForm:replacement", () -> moderation.replace(user.actor(), message.room(),
                message.id(), replacement)).ifPresent(after -> {
                    found.replaceAll(m -> same(m, after) ? after : m);
                    replacing = null;
                    Feedback.info("Replaced the text of message " + message.id() + " in " + message.room() + ".");
                });
    }

    public void clear() {
        Feedback.attempt("clear:clearBefore", () -> moderation.clear(user.actor(), clearRoom,
                ConsoleTimes.instant(clearBefore))).ifPresent(removed -> {
                    found.removeIf(m -> m.room().equals(clearRoom) && clearBefore != null
                            && m.postedAt().isBefore(ConsoleTimes.instant(clearBefore)));
                    Feedback.info("Cleared " + clearRoom + ": " + removed + " message(s) removed.");
                });
    }

    private static boolean same(RoomMessage a, RoomMessage b) {
        return a.id() == b.id() && a.room().equals(b.room());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public int getMaxContent() {
        return ChatMessage.MAX_CONTENT;
    }

    public String getReplacedByAdministrator() {
        return ChatMessage.REPLACED_BY_ADMINISTRATOR;
    }

    public List<RoomMessage> getFound() {
        return found;
    }

    public boolean isSearched() {
        return searched;
    }

    public boolean isMore() {
        return next != null;
    }

    public RoomMessage getReplacing() {
        return replacing;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getRoom() {
        return room;
    }

    public void setRoom(String room) {
        this.room = room;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getReplacement() {
        return replacement;
    }

    public void setReplacement(String replacement) {
        this.replacement = replacement;
    }

    public String getClearRoom() {
        return clearRoom;
    }

    public void setClearRoom(String clearRoom) {
        this.clearRoom = clearRoom;
    }

    public LocalDateTime getClearBefore() {
        return clearBefore;
    }

    public void setClearBefore(LocalDateTime clearBefore) {
        this.clearBefore = clearBefore;
    }
}
