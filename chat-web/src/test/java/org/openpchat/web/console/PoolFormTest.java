package org.openpchat.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolFormTest {

    @Test
    void theActiveServersAreNamesSeparatedBySpacesOrCommas() {
        assertThat(PoolForm.names(" node1, node2  node3,,node4 ")).containsExactly("node1", "node2", "node3", "node4");
        assertThat(PoolForm.names("node1")).containsExactly("node1");
    }

    @Test
    void noNamesMakeEveryNodeActive() {
        assertThat(PoolForm.names("")).isEmpty();
        assertThat(PoolForm.names("  ,  ")).isEmpty();
        assertThat(PoolForm.names(null)).isEmpty();
    }
}
