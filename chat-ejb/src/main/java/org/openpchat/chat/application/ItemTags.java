package org.openpchat.chat.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version tag of an item as an administrator last saw it (the REST API's ETag): a digest of
 * its view, so any change to any field, list included, gives a new tag. Views are records of
 * plain values whose text form is stable.
 */
public final class ItemTags {

    private ItemTags() {
    }

    public static String of(Object view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(view).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Refuses the change when the caller saw another version than {@code current}; a null
     * expectation means the caller did not ask for the check.
     */
    public static void require(String expected, Object current, String what) {
        if (expected != null && !expected.equals(of(current))) {
            throw new StaleItemException(what + " was changed since you read it; read it again and retry");
        }
    }
}
