package org.openpchat.chat.application.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.message.MessageSearch;
import org.openpchat.chat.domain.message.SearchCursor;
import org.openpchat.chat.domain.message.SearchResult;
import org.openpchat.chat.domain.message.TextQuery;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;

/**
 * Searching history across the rooms a user may read. At most {@link #SERVER_LIMIT} results
 * per request (the searchLimit a Lync server advertises); the result says when more matched, and
 * the caller pages back by moving the end of the time range.
 */
@Stateless
public class SearchService {

    public static final int SERVER_LIMIT = 999;

    @Inject
    private RoomLookup lookup;
    @Inject
    private RoomRepository rooms;
    @Inject
    private MessageRepository messages;

    public SearchService() {
    }

    /** Outside the container (tests): over these repositories. */
    public SearchService(RoomLookup lookup, RoomRepository rooms, MessageRepository messages) {
        this.lookup = lookup;
        this.rooms = rooms;
        this.messages = messages;
    }

    /**
     * An administrator's search across every room (or the named ones), whatever the rooms'
     * rules say; paged with the cursor of the previous page.
     */
    public FoundMessages searchAll(Actor actor, SearchRequest request, String cursor) {
        actor.requireAdministrator("search every room");
        List<Room> scope = request.rooms().isEmpty() ? rooms.all()
                : request.rooms().stream().map(lookup::find).toList();
        if (scope.isEmpty()) {
            return new FoundMessages(List.of(), false, null);
        }
        SearchResult result = messages.search(criteria(request, scope, cursor), scope);
        Map<Long, String> names = scope.stream().collect(Collectors.toMap(Room::id, Room::name));
        List<RoomMessage> found = result.messages().stream()
                .map(message -> RoomMessage.of(names.get(message.roomId()), message)).toList();
        String next = result.exceededLimit() && !result.messages().isEmpty()
                ? SearchCursor.after(result.messages().get(result.messages().size() - 1)).text() : null;
        return new FoundMessages(found, result.exceededLimit(), next);
    }

    public SearchResult search(Actor actor, SearchRequest request) {
        Set<Room> scope = new LinkedHashSet<>();
        if (request.rooms().isEmpty()) {
            rooms.all().stream().filter(room -> RoomAccess.permits(actor, Operation.READ_HISTORY, room))
                    .forEach(scope::add);
        } else {
            for (String reference : request.rooms()) {
                Room room = lookup.find(actor, reference);
                RoomAccess.require(actor, Operation.READ_HISTORY, room);
                scope.add(room);
            }
        }
        if (scope.isEmpty()) {
            return new SearchResult(List.of(), false);
        }
        return messages.search(criteria(request, scope, null), scope);
    }

    private static MessageSearch criteria(SearchRequest request, java.util.Collection<Room> scope, String cursor) {
        int limit = request.limit() <= 0 ? SERVER_LIMIT : Math.min(request.limit(), SERVER_LIMIT);
        return new MessageSearch(
                scope.stream().map(Room::uid).collect(Collectors.toSet()),
                request.text() == null || request.text().isBlank() ? null
                        : new TextQuery(request.text(), request.exactPhrase(), request.caseSensitive()),
                request.author() == null || request.author().isBlank() ? null : PrincipalId.user(request.author()),
                request.from(), request.to(), limit, cursor == null || cursor.isBlank() ? null
                        : SearchCursor.parse(cursor));
    }
}
