package org.openpchat.it;

import java.util.UUID;

/** Names unique to one test run, so tests share the server's database without colliding. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
