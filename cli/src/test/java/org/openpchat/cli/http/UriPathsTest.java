package org.openpchat.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.CliException;
import org.openpchat.cli.http.UriPaths.Query;

class UriPathsTest {

    @Test
    void segmentsKeepSipAddressesReadableAndEncodeTheRest() {
        assertThat(UriPaths.segment("sip:bob@example.com")).isEqualTo("sip:bob@example.com");
        assertThat(UriPaths.segment("Bond Desk #1?")).isEqualTo("Bond%20Desk%20%231%3F");
        assertThat(UriPaths.segment("a;b+c%d")).isEqualTo("a%3Bb%2Bc%25d");
        assertThat(UriPaths.segment("Zürich")).isEqualTo("Z%C3%BCrich");
    }

    @Test
    void aSlashCannotBeInASegment() {
        assertThatThrownBy(() -> UriPaths.segment("a/b")).isInstanceOf(CliException.class);
    }

    @Test
    void queriesLeaveOutNullsAndEncodeValues() {
        assertThat(Query.of().add("a", null).add("text", "red & green").add("n", 3).toString())
                .isEqualTo("?text=red%20%26%20green&n=3");
        assertThat(Query.of().toString()).isEmpty();
    }
}
