package org.openpchat.web.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openpchat.chat.application.chat.FoundMessages;
import org.openpchat.chat.application.chat.SearchRequest;
import org.openpchat.chat.application.chat.SearchService;
import org.openpchat.web.rest.support.BadRequest;
import org.openpchat.web.rest.support.Callers;
import org.openpchat.web.rest.support.Queries;

/** Administrators' search across rooms, newest first, paged by cursor. */
@Path("v1/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    @EJB
    private SearchService search;
    @Inject
    private Callers callers;

    @GET
    public FoundMessages search(@QueryParam("text") String text, @QueryParam("author") String author,
            @QueryParam("room") List<String> rooms, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("exact") String exact, @QueryParam("caseSensitive") String caseSensitive,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if ((text == null || text.isBlank()) && (author == null || author.isBlank())) {
            throw new BadRequest("text", "a search needs text or an author");
        }
        SearchRequest request = new SearchRequest(rooms, text, exact != null && Queries.bool("exact", exact),
                caseSensitive != null && Queries.bool("caseSensitive", caseSensitive), author,
                Queries.instant("from", from), Queries.instant("to", to),
                limit == null ? 0 : Queries.integer("limit", limit, 1, SearchService.SERVER_LIMIT));
        return search.searchAll(callers.actor(), request, cursor);
    }
}
