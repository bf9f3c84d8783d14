package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.directory.DirectoryCache;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Every write of a user or group through the real mapping makes the kept actors stale, a change of
 * a group's members alone included; reading the directory does not.
 */
class PrincipalChangeListenerTest {

    private static final PrincipalId DAVE = PrincipalId.user("dave@example.com");
    private static final PrincipalId ANALYSTS = PrincipalId.group("analysts");

    private final JpaTestDatabase db = new JpaTestDatabase();
    private final DirectoryCache actors = new DirectoryCache();
    private final AtomicInteger resolved = new AtomicInteger();

    @BeforeEach
    void directory() {
        db.run(em -> {
            JpaPrincipalRepository principals = new JpaPrincipalRepository(em);
            principals.add(Principal.user(DAVE, "Dave"));
            principals.add(Principal.group(ANALYSTS, "Analysts"));
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Actor dave() {
        return actors.actorFor("dave@example.com", () -> {
            resolved.incrementAndGet();
            return Actor.user(DAVE, null);
        });
    }

    private int resolvedAfter(Consumer<JpaPrincipalRepository> work) {
        dave();
        int before = resolved.get();
        db.run(em -> work.accept(new JpaPrincipalRepository(em)));
        dave();
        return resolved.get() - before;
    }

    @Test
    void readingTheDirectoryKeepsTheActor() {
        assertThat(resolvedAfter(principals -> principals.find(ANALYSTS).orElseThrow().members())).isZero();
    }

    @Test
    void addingAMemberToAGroupMakesActorsStale() {
        assertThat(resolvedAfter(principals -> principals.find(ANALYSTS).orElseThrow().addMember(DAVE))).isOne();
    }

    @Test
    void removingAMemberFromAGroupMakesActorsStale() {
        db.run(em -> new JpaPrincipalRepository(em).find(ANALYSTS).orElseThrow().addMember(DAVE));
        assertThat(resolvedAfter(principals -> principals.find(ANALYSTS).orElseThrow().removeMember(DAVE))).isOne();
    }

    @Test
    void addingOrRemovingAPrincipalMakesActorsStale() {
        assertThat(resolvedAfter(principals -> principals.add(Principal.group(PrincipalId.group("staff"), null))))
                .isOne();
        assertThat(resolvedAfter(principals -> principals.remove(principals.find(ANALYSTS).orElseThrow()))).isOne();
    }
}
