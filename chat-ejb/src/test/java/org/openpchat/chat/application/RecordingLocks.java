package org.openpchat.chat.application;

import java.util.ArrayList;
import java.util.List;

/** Row locks that only note what was locked, for use case tests. */
public class RecordingLocks implements EntityLocks {

    private final List<Object> locked = new ArrayList<>();

    @Override
    public <T> T lockForUpdate(T entity) {
        locked.add(entity);
        return entity;
    }

    public List<Object> locked() {
        return List.copyOf(locked);
    }
}
