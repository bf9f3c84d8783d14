package org.openpchat.chat.domain.pool;

import java.util.Optional;

/** The pool's settings: one row, which the schema makes. */
public interface PoolSettingsRepository {

    /** The pool's settings; empty only where the schema's row is missing. */
    Optional<PoolSettings> find();

    void add(PoolSettings settings);
}
