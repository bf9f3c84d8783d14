package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.preference.UserPreference;
import org.openpchat.chat.domain.principal.PrincipalId;

class JpaPreferenceMappingTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final JpaTestDatabase db = new JpaTestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesOneValuePerUserAndLabel() {
        String big = "QUJD".repeat(5000);
        db.run(em -> {
            UserPreference channels = new UserPreference(ALICE, "kedzie.GroupChannels", T0);
            channels.replace(big, T0);
            new JpaPreferenceRepository(em).add(channels);
            new JpaPreferenceRepository(em).add(new UserPreference(BOB, "kedzie.GroupChannels", T0));
        });

        UserPreference found = db.inTransaction(em -> new JpaPreferenceRepository(em)
                .find(ALICE, "kedzie.GroupChannels").orElseThrow());
        assertThat(found.content()).isEqualTo(big);
        assertThat(found.sequence()).isEqualTo(1);
        assertThat(found.owner()).isEqualTo(ALICE);
        Optional<UserPreference> other = db.inTransaction(em -> new JpaPreferenceRepository(em).find(ALICE, "other"));
        assertThat(other).isEmpty();
        String bobs = db.inTransaction(em -> new JpaPreferenceRepository(em).find(BOB, "kedzie.GroupChannels")
                .orElseThrow().content());
        assertThat(bobs).isEmpty();
    }
}
