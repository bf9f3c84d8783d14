package org.openpchat.cli.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URI;
import java.net.http.HttpHeaders;

/** A successful answer with its body as text. */
public record ApiResponse(URI uri, int status, HttpHeaders headers, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public boolean hasBody() {
        return body != null && !body.isBlank();
    }

    public JsonStructure json() {
        return Json.parse(body);
    }

    public JsonObject object() {
        return Json.object(body);
    }
}
