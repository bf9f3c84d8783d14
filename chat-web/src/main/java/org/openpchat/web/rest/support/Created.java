package org.openpchat.web.rest.support;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.openpchat.chat.application.ItemTags;

/** 201 with the new item's address and version. */
public final class Created {

    private Created() {
    }

    public static Response at(UriInfo uri, String name, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path("{name}").build(name)).entity(view)
                .tag(new EntityTag(ItemTags.of(view))).build();
    }
}
