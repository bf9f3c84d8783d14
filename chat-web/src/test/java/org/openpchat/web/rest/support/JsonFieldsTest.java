package org.openpchat.web.rest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.shared.AccessList;

class JsonFieldsTest {

    private static JsonFields json(String text) {
        return JsonBody.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void refused(Runnable read, int status, String field, String detail) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(BadRequest.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void readsEveryKindOfFieldAndTreatsNullAsAbsent() {
        JsonFields fields = json("{\"name\": \"Lobby\", \"disabled\": true, \"count\": 12, \"privacy\": \"secret\","
                + " \"at\": \"2026-11-30T12:00:00Z\", \"every\": \"PT15M\", \"description\": null}");

        assertThat(fields.string("name", 10)).isEqualTo("Lobby");
        assertThat(fields.bool("disabled")).isTrue();
        assertThat(fields.integer("count", 1, 20)).isEqualTo(12);
        assertThat(fields.enumValue("privacy", Privacy.class)).isEqualTo(Privacy.SECRET);
        assertThat(fields.instant("at")).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(fields.duration("every")).isEqualTo(Duration.ofMinutes(15));
        assertThat(fields.string("description", 10)).isNull();
        assertThat(fields.string("missing", 10)).isNull();
    }

    @Test
    void badValuesNameTheirField() {
        JsonFields fields = json("{\"name\": \"too long\", \"flag\": \"yes\", \"n\": 1.5, \"m\": 99,"
                + " \"privacy\": \"Public\", \"at\": \"noon\", \"list\": \"x\"}");

        refused(() -> fields.string("name", 3), 400, "name", "longer than 3");
        refused(() -> fields.string("flag", 2), 400, "flag", "longer than 2");
        refused(() -> fields.bool("flag"), 400, "flag", "true or false");
        refused(() -> fields.integer("n", 0, 9), 400, "n", "whole number");
        refused(() -> fields.integer("m", 0, 9), 400, "m", "between 0 and 9");
        refused(() -> fields.enumValue("privacy", Privacy.class), 400, "privacy", "Open, Closed, Secret");
        refused(() -> fields.instant("at"), 400, "at", "ISO 8601");
        refused(() -> fields.principals("list"), 400, "list", "array");
        refused(() -> fields.allow("name"), 400, "flag", "unknown field");
        refused(() -> fields.require("absent"), 400, "absent", "required");
    }

    @Test
    void listModifiersAreAddRemoveOrReplace() {
        AccessList both = json("{\"m\": {\"add\": [\"sip:Bob@Example.com\"], \"remove\": [\"group:staff\"]}}")
                .listChange("m");
        assertThat(both.add()).containsExactly(PrincipalId.user("bob@example.com"));
        assertThat(both.remove()).containsExactly(PrincipalId.group("staff"));
        assertThat(both.replace()).isNull();
        assertThat(json("{\"m\": {\"replace\": []}}").listChange("m").replace()).isEmpty();
        assertThat(json("{\"g\": {\"add\": [\"staff\"]}}").listChange("g", "group").add())
                .containsExactly(PrincipalId.group("staff"));

        refused(() -> json("{\"m\": [\"sip:bob@example.com\"]}").listChange("m"), 400, "m", "list modifier");
        refused(() -> json("{\"m\": {\"put\": []}}").listChange("m"), 400, "m.put", "unknown modifier");
        refused(() -> json("{\"m\": {\"add\": [], \"replace\": []}}").listChange("m"), 400, "m", "cannot be combined");
        refused(() -> json("{\"m\": {\"add\": [\"bob\"]}}").listChange("m"), 400, "m.add", "principal");
        refused(() -> json("{\"m\": {\"add\": [7]}}").listChange("m"), 400, "m.add", "strings");
    }

    @Test
    void theBodyMustBeOneBoundedJsonObject() {
        refused(() -> json("{\"a\": "), 400, null, "malformed JSON at line 1");
        refused(() -> json("[1]"), 400, null, "JSON object");
        refused(() -> JsonBody.read(null), 400, null, "JSON object");
        String huge = "{\"a\": \"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";
        refused(() -> json(huge), 413, null, "larger than");
    }

    @Test
    void aListOfNamesIsAPlainArrayReplacingItOrAListModifier() {
        assertThat(json("{\"servers\": [\"node1\", \" node2 \"]}").nameListChange("servers", 10))
                .isEqualTo(new NameListChange(List.of(), List.of(), List.of("node1", " node2 ")));
        assertThat(json("{\"servers\": []}").nameListChange("servers", 10))
                .isEqualTo(new NameListChange(List.of(), List.of(), List.of()));
        assertThat(json("{\"servers\": {\"add\": [\"node3\"], \"remove\": [\"node1\"]}}").nameListChange("servers", 10))
                .isEqualTo(new NameListChange(List.of("node3"), List.of("node1"), null));
        assertThat(json("{\"servers\": {\"remove\": [\"node1\"], \"add\": null}}").nameListChange("servers", 10))
                .isEqualTo(new NameListChange(List.of(), List.of("node1"), null));
        assertThat(json("{\"servers\": {\"replace\": [\"node1\"]}}").nameListChange("servers", 10))
                .isEqualTo(new NameListChange(List.of(), List.of(), List.of("node1")));
        assertThat(json("{\"servers\": null}").nameListChange("servers", 10)).isNull();
        assertThat(json("{}").nameListChange("servers", 10)).isNull();
    }

    @Test
    void aBadListOfNamesNamesItsField() {
        refused(() -> json("{\"servers\": \"node1\"}").nameListChange("servers", 10), 400, "servers",
                "array of names, the whole new list, or a list modifier");
        refused(() -> json("{\"servers\": [1]}").nameListChange("servers", 10), 400, "servers", "names as strings");
        refused(() -> json("{\"servers\": [\"node-with-a-long-name\"]}").nameListChange("servers", 10), 400,
                "servers", "longer than 10 characters");
        refused(() -> json("{\"servers\": {\"insert\": []}}").nameListChange("servers", 10), 400, "servers.insert",
                "unknown modifier");
        refused(() -> json("{\"servers\": {\"add\": \"node1\"}}").nameListChange("servers", 10), 400, "servers.add",
                "array of names");
        refused(() -> json("{\"servers\": {\"remove\": [true]}}").nameListChange("servers", 10), 400,
                "servers.remove", "names as strings");
        refused(() -> json("{\"servers\": {\"replace\": [], \"remove\": [\"a\"]}}").nameListChange("servers", 10),
                400, "servers", "replace cannot be combined");
        refused(() -> json("{\"servers\": {\"replace\": [], \"add\": [\"a\"]}}").nameListChange("servers", 10),
                400, "servers", "replace cannot be combined");
    }
}
