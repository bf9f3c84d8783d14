package org.openpchat.load;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random tokens that tell one run's posts from another's. */
final class SipTokens {

    private SipTokens() {
    }

    static String next() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
