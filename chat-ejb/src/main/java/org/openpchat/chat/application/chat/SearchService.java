package org.openpchat.chat.application.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.message.MessageSearch;
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

    public SearchResult search(Actor actor, SearchRequest request) {
        Set<Room> scope = new LinkedHashSet<>();
        if (request.rooms().isEmpty()) {
            rooms.all().stream().filter(room -> RoomAccess.permits(actor, Operation.READ_HISTORY, room))
                    .forEach(scope::add);
        } else {
            for (String reference : request.rooms()) {
                Room room = lookup.find(reference);
                RoomAccess.require(actor, Operation.READ_HISTORY, room);
                scope.add(room);
            }
        }
        if (scope.isEmpty()) {
            return new SearchResult(List.of(), false);
        }
        int limit = request.limit() <= 0 ? SERVER_LIMIT : Math.min(request.limit(), SERVER_LIMIT);
        MessageSearch search = new MessageSearch(
                scope.stream().map(Room::uid).collect(Collectors.toSet()),
                request.text() == null || request.text().isBlank() ? null
                        : new TextQuery(request.text(), request.exactPhrase(), request.caseSensitive()),
                request.author() == null ? null : PrincipalId.user(request.author()),
                request.from(), request.to(), limit);
        return messages.search(search, scope);
    }
}
