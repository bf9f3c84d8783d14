package org.openpchat.web.rest.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document: {@code application/problem+json}. */
public final class Problem {

    public static final MediaType TYPE = new MediaType("application", "problem+json");

    private final int status;
    private final String detail;
    private String field;
    private List<String> conflicts;

    private Problem(int status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    public static Problem of(int status, String detail) {
        return new Problem(status, detail);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }

    public Problem field(String name) {
        this.field = name;
        return this;
    }

    public Problem conflicts(List<String> items) {
        this.conflicts = items;
        return this;
    }

    public Response response() {
        return Response.status(status).type(TYPE).entity(json()).build();
    }

    public String json() {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = Json.createObjectBuilder().add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase()).add("status", status)
                .add("detail", detail == null ? "" : detail);
        if (field != null) {
            body.add("field", field);
        }
        if (conflicts != null) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            conflicts.forEach(items::add);
            body.add("conflicts", items);
        }
        return body.build().toString();
    }
}
