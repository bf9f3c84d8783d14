package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.pool.PoolSettings;
import org.openpchat.chat.domain.pool.PoolState;

/** The pool's one row, as the changelog seeds it and the mapping reads and changes it, on EclipseLink and H2. */
class JpaPoolSettingsRepositoryTest {

    private final JpaTestDatabase db = new JpaTestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theChangelogSeedsANormalPoolWhereEveryNodeIsActive() {
        PoolSettings settings = db.inTransaction(em -> new JpaPoolSettingsRepository(em).find().orElseThrow());

        assertThat(settings.state()).isEqualTo(PoolState.NORMAL);
        assertThat(settings.activeServers()).isEmpty();
        assertThat(settings.serves("node1")).isTrue();
    }

    @Test
    void theStateAndTheActiveServersAreStoredAndReadBack() {
        db.run(em -> {
            PoolSettings settings = new JpaPoolSettingsRepository(em).find().orElseThrow();
            new JpaEntityLocks(em).lockForUpdate(settings);
            settings.changeState(PoolState.FAILED_OVER);
            settings.replaceActiveServers(List.of("node2", "Node1"));
        });
        PoolSettings read = db.inTransaction(em -> new JpaPoolSettingsRepository(em).find().orElseThrow());
        assertThat(read.state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(read.activeServers()).as("read with the row, outside its transaction")
                .containsExactly("Node1", "node2");

        db.run(em -> new JpaPoolSettingsRepository(em).find().orElseThrow().modifyActiveServers(List.of("node3"),
                List.of("node1", "node2")));
        assertThat(activeServers()).containsExactly("node3");

        db.run(em -> new JpaPoolSettingsRepository(em).find().orElseThrow().replaceActiveServers(List.of()));
        assertThat(activeServers()).isEmpty();
    }

    @Test
    void withoutTheRowTheSettingsAreAddedOnce() {
        db.run(em -> em.createNativeQuery("DELETE FROM POOL_SETTINGS").executeUpdate());
        Optional<PoolSettings> none = db.inTransaction(em -> new JpaPoolSettingsRepository(em).find());
        assertThat(none).isEmpty();

        db.run(em -> {
            PoolSettings settings = PoolSettings.initial();
            settings.replaceActiveServers(List.of("node1"));
            new JpaPoolSettingsRepository(em).add(settings);
        });

        PoolSettings read = db.inTransaction(em -> new JpaPoolSettingsRepository(em).find().orElseThrow());
        assertThat(read.activeServers()).containsExactly("node1");
        assertThat(read.state()).isEqualTo(PoolState.NORMAL);
    }

    private List<String> activeServers() {
        return db.inTransaction(em -> new JpaPoolSettingsRepository(em).find().orElseThrow().activeServers());
    }
}
