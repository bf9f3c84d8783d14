package org.openpchat.web.rest.v1;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.openpchat.chat.application.audit.AuditEntry;

/** An audit entry with the item's before and after as JSON values, not as text. */
public record AuditEntryJson(long id, Instant at, String actor, String action, String target, JsonValue before,
        JsonValue after) {

    static AuditEntryJson of(AuditEntry entry) {
        return new AuditEntryJson(entry.id(), entry.at(), entry.actor(), entry.action(), entry.target(),
                json(entry.before()), json(entry.after()));
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
