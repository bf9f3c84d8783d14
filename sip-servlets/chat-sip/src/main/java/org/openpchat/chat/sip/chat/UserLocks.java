package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks by user (in stripes): a user's joins and parts and the leaves of their ended dialogs run
 * one at a time, so the check "is another dialog of the user still in the room?" and the leave
 * that follows cannot interleave with a join on another dialog. A plain object, used where it is
 * called: work passed through an EJB's business method would have its exceptions wrapped.
 */
public final class UserLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    UserLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public <T> T exclusively(String user, Supplier<T> work) {
        return exclusively(Set.of(user), work);
    }

    /** For several users at once (a batch of leaves): their stripes are taken in one order, so two batches cannot deadlock. */
    public <T> T exclusively(Set<String> users, Supplier<T> work) {
        SortedSet<Integer> indexes = new TreeSet<>();
        users.forEach(user -> indexes.add(Math.floorMod(user.toLowerCase(Locale.ROOT).hashCode(), STRIPES)));
        List<ReentrantLock> held = new ArrayList<>(indexes.size());
        try {
            for (int index : indexes) {
                stripes[index].lock();
                held.add(stripes[index]);
            }
            return work.get();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }
}
