package org.openpchat.chat.application.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openpchat.chat.domain.pool.PoolSettings;
import org.openpchat.chat.domain.pool.PoolSettingsRepository;

/**
 * Which nodes take clients, asked by the SIP front end for every new dialog: the pool's settings
 * are read from the database at most once a {@link #FRESH_FOR} and kept as a copy. A change made
 * on another node is seen here within a second; one made on this node drops the copy
 * ({@link #forget}), so the next question reads the settings again.
 */
@ApplicationScoped
public class PoolServing {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    @Inject
    private PoolSettingsRepository repository;

    private final Clock clock;
    private volatile Read last;

    public PoolServing() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over this repository, with this clock. */
    public PoolServing(PoolSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** {@link PoolSettings#serves} on settings at most a second old. */
    public boolean serves(String nodeName) {
        return current().serves(nodeName);
    }

    private PoolSettings current() {
        Instant now = clock.instant();
        Read read = last;
        if (read == null || now.isBefore(read.at) || !now.isBefore(read.at.plus(FRESH_FOR))) {
            read = new Read(repository.find().map(PoolSettings::copy).orElseGet(PoolSettings::initial), now);
            last = read;
        }
        return read.settings;
    }

    /** The settings changed here: the next question reads them again. */
    public void forget() {
        last = null;
    }

    /** The settings as read (a copy, so that no transaction's entity is shared) and when. */
    private record Read(PoolSettings settings, Instant at) {
    }
}
