package org.openpchat.web.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.directory.ImportedUser;
import org.openpchat.web.rest.support.BadRequest;

class UserCsvTest {

    private static List<ImportedUser> read(String csv) {
        return UserCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void columnsComeFromTheHeaderInAnyOrderAndQuotesAreCsvQuotes() {
        List<ImportedUser> users = read("groups,uri,displayName,password\n"
                + "staff; desk ,sip:a@example.com,\"A, the first\",Secret-1!\n"
                + "\n"
                + ",b@example.com,,\n");

        assertThat(users).hasSize(2);
        ImportedUser first = users.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.uri()).isEqualTo("sip:a@example.com");
        assertThat(first.displayName()).isEqualTo("A, the first");
        assertThat(first.password()).isEqualTo("Secret-1!");
        assertThat(first.groups()).containsExactly("staff", "desk");
        ImportedUser second = users.get(1);
        assertThat(second.groups()).isEmpty();
        assertThat(second.displayName()).isNull();
        assertThat(second.site()).isNull();
    }

    @Test
    void unknownOrMissingColumnsAreRefusedByName() {
        assertThatThrownBy(() -> read("uri,colour\nsip:a@example.com,red\n")).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.field()).isEqualTo("colour"));
        assertThatThrownBy(() -> read("displayName\nA\n")).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.field()).isEqualTo("uri"));
        assertThatThrownBy(() -> read("uri\n\"unterminated\n")).isInstanceOf(BadRequest.class);
    }
}
