package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.access.AccessChanged;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;

class DirectoryCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final DirectoryCache actors = new DirectoryCache(Duration.ofSeconds(300), now::get);
    private final AtomicInteger resolved = new AtomicInteger();

    private Actor resolve(String user) {
        resolved.incrementAndGet();
        return Actor.user(PrincipalId.user(user), null);
    }

    private Actor actorFor(DirectoryCache cache, String user) {
        return cache.actorFor(user, () -> resolve(user));
    }

    @Test
    void anActorIsResolvedOnceWhateverTheCaseOfTheAddress() {
        Actor first = actorFor(actors, "alice@example.com");
        Actor again = actorFor(actors, "Alice@Example.com");

        assertThat(again).isSameAs(first);
        assertThat(resolved).hasValue(1);
    }

    @Test
    void kindsAreKeptApart() {
        Actor actor = actorFor(actors, "alice@example.com");
        String name = actors.kept(String.class, "alice@example.com", () -> "Alice");

        assertThat(actorFor(actors, "alice@example.com")).isSameAs(actor);
        assertThat(actors.kept(String.class, "ALICE@example.com", () -> "someone else")).isEqualTo(name);
        assertThat(resolved).hasValue(1);
    }

    @Test
    void aDirectoryChangeMakesKeptActorsStale() {
        actorFor(actors, "alice@example.com");
        DirectoryCache.directoryChanged();
        actorFor(actors, "alice@example.com");

        assertThat(resolved).hasValue(2);
    }

    @Test
    void aCommittedChangeOfRightsMakesKeptActorsStale() {
        actorFor(actors, "alice@example.com");
        DirectoryCache.accessChanged(new AccessChanged("Set-Group pchat-load"));
        actorFor(actors, "alice@example.com");

        assertThat(resolved).hasValue(2);
    }

    /** The directory changed while the actor was read from it: what was read may be the old state. */
    @Test
    void aChangeWhileResolvingIsNotKeptPastIt() {
        actors.actorFor("alice@example.com", () -> {
            DirectoryCache.directoryChanged();
            return resolve("alice@example.com");
        });
        actorFor(actors, "alice@example.com");

        assertThat(resolved).hasValue(2);
    }

    @Test
    void anActorIsKeptNoLongerThanTheLifetime() {
        actorFor(actors, "alice@example.com");
        now.addAndGet(Duration.ofSeconds(299).toNanos());
        actorFor(actors, "alice@example.com");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        actorFor(actors, "alice@example.com");

        assertThat(resolved).hasValue(2);
    }

    @Test
    void anActorIsResolvedAgainWhenItsLifetimeIsUp() {
        actorFor(actors, "alice@example.com");
        now.addAndGet(Duration.ofSeconds(300).toNanos());
        actorFor(actors, "alice@example.com");

        assertThat(resolved).hasValue(2);
    }

    /** At the most it keeps, everything kept is dropped before the next one is kept. */
    @Test
    void atTheMostItKeepsItStartsAfresh() {
        for (int i = 0; i < DirectoryCache.MAX_ENTRIES; i++) {
            actors.kept(Integer.class, "user" + i + "@example.com", () -> 1);
        }
        actorFor(actors, "alice@example.com");
        actors.kept(Integer.class, "user0@example.com", () -> {
            resolved.incrementAndGet();
            return 1;
        });

        assertThat(resolved).as("alice resolved, then user0 again").hasValue(2);
    }

    @Test
    void noneKeepsNothing() {
        DirectoryCache none = DirectoryCache.none();
        actorFor(none, "alice@example.com");
        actorFor(none, "alice@example.com");

        assertThat(resolved).hasValue(2);
    }
}
