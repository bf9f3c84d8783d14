package org.openpchat.web.rest.support;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.openpchat.chat.application.ItemTags;

/** Items carry their version tag as ETag; If-Match hands it back to the use case. */
public final class Etags {

    private Etags() {
    }

    public static Response ok(Object view) {
        return ok(view, view);
    }

    /** An answer whose version is only part of it, e.g. the pool's settings and not its nodes' figures. */
    public static Response ok(Object body, Object versioned) {
        return Response.ok(body).tag(new EntityTag(ItemTags.of(versioned))).build();
    }

    /** The tag the caller expects, or null when it sent none (or {@code *}). */
    public static String ifMatch(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"") || tag.indexOf(',') >= 0) {
            throw new BadRequest("If-Match", "must be one entity tag as GET returned it, e.g. \"3f2a...\"");
        }
        return tag.substring(1, tag.length() - 1);
    }
}
