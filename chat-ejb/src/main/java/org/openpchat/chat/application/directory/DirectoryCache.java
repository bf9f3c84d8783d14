package org.openpchat.chat.application.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.openpchat.chat.application.access.AccessChanged;
import org.openpchat.chat.domain.access.Actor;

/**
 * What is derived from a user's directory entry, kept between requests: the user as an actor with
 * the affiliations resolved from nested groups (several queries), which every post and join
 * needs, and the user as compliance records name them. Any change of a user or group on this
 * node (seen by the persistence layer as it is written, and again when its transaction ends,
 * {@link #directoryChanged()}), and any committed change of rights ({@link AccessChanged}), makes
 * everything kept stale at once. Nothing is kept longer than
 * {@code -Dopenpchat.directory.cache-seconds} (default 300; 0 keeps nothing), which bounds how long
 * a change made on another server of a pool takes to count here.
 */
@ApplicationScoped
public class DirectoryCache {

    static final String SECONDS_PROPERTY = "openpchat.directory.cache-seconds";
    static final int MAX_ENTRIES = 100_000;
    private static final AtomicLong DIRECTORY_GENERATION = new AtomicLong();

    private record Key(Class<?> kind, String user) {
    }

    private record Kept(Object value, long generation, long expiresAt) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;

    public DirectoryCache() {
        this(Duration.ofSeconds(Long.getLong(SECONDS_PROPERTY, 300)), System::nanoTime);
    }

    DirectoryCache(Duration lifetime, LongSupplier nanoTime) {
        this.lifetimeNanos = Math.max(0, lifetime.toNanos());
        this.nanoTime = nanoTime;
    }

    /** One that keeps nothing: every call resolves. */
    public static DirectoryCache none() {
        return new DirectoryCache(Duration.ZERO, System::nanoTime);
    }

    /** Users or groups changed: everything kept so far is stale. */
    public static void directoryChanged() {
        DIRECTORY_GENERATION.incrementAndGet();
    }

    /**
     * An administrative change of rights committed (users, groups, policies): stale too. The
     * persistence layer has said so already as the change was written; this covers a request
     * that read the directory between that write and the commit. Static, so that the event does
     * not create the bean: it is fired after the commit, outside any component, where GlassFish
     * would log that it has no EE environment to inject the new instance in.
     */
    static void accessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged change) {
        directoryChanged();
    }

    /** The kept actor of {@code user}, or the one {@code resolve} makes, kept from now on. */
    public Actor actorFor(String user, Supplier<Actor> resolve) {
        return kept(Actor.class, user, resolve);
    }

    /**
     * The kept value of this kind for {@code user} (an address, in any case), or the one
     * {@code resolve} makes, kept from now on.
     */
    public <T> T kept(Class<T> kind, String user, Supplier<T> resolve) {
        if (lifetimeNanos == 0) {
            return resolve.get();
        }
        Key key = new Key(kind, user.strip().toLowerCase(Locale.ROOT));
        long generation = DIRECTORY_GENERATION.get(); // read before the directory is: a change after it counts
        long now = nanoTime.getAsLong();
        Kept known = kept.get(key);
        if (known != null && known.generation() == generation && now - known.expiresAt() < 0) {
            return kind.cast(known.value());
        }
        T value = resolve.get();
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        kept.put(key, new Kept(value, generation, now + lifetimeNanos));
        return value;
    }
}
