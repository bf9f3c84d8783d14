package org.openpchat.web.rest.support;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import org.openpchat.chat.infrastructure.io.LimitedInputStream;

/** Reads a request body as one JSON object, at most {@value #MAX_BYTES} bytes. */
public final class JsonBody {

    public static final int MAX_BYTES = 1024 * 1024;

    private JsonBody() {
    }

    public static JsonFields read(InputStream body) {
        if (body == null) {
            throw new BadRequest(null, "the request needs a JSON object as its body");
        }
        try (JsonReader reader = Json.createReader(new LimitedInputStream(body, MAX_BYTES))) {
            JsonStructure structure = reader.read();
            if (!(structure instanceof JsonObject object)) {
                throw new BadRequest(null, "the body must be a JSON object");
            }
            return new JsonFields(object);
        } catch (JsonParsingException e) {
            throw new BadRequest(null, "malformed JSON at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + e.getMessage());
        } catch (JsonException e) {
            if (e.getCause() instanceof LimitedInputStream.BodyTooLarge) {
                throw new BadRequest(413, null, "the body is larger than " + MAX_BYTES + " bytes");
            }
            throw new BadRequest(null, "the body is not JSON: " + e.getMessage());
        }
    }
}
