package org.openpchat.chat.domain.pool;

import java.util.Optional;

/** The pool's settings held in a field, for use case tests; counts the reads. */
public class InMemoryPoolSettings implements PoolSettingsRepository {

    private PoolSettings settings;
    private int reads;

    /** As the schema seeds it. */
    public static InMemoryPoolSettings seeded() {
        InMemoryPoolSettings repository = new InMemoryPoolSettings();
        repository.add(PoolSettings.initial());
        return repository;
    }

    @Override
    public Optional<PoolSettings> find() {
        reads++;
        return Optional.ofNullable(settings);
    }

    @Override
    public void add(PoolSettings added) {
        if (settings != null) {
            throw new IllegalStateException("the pool's settings are one row");
        }
        settings = added;
    }

    /** The stored settings themselves (changes to them are changes of the "row"). */
    public PoolSettings stored() {
        return settings;
    }

    public int reads() {
        return reads;
    }
}
