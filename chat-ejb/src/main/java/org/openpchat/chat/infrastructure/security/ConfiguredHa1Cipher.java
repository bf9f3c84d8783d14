package org.openpchat.chat.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;

/** The server's {@link Ha1Cipher}, its key read once, on first use, from the configured key file. */
@ApplicationScoped
public class ConfiguredHa1Cipher {

    private volatile Ha1Cipher cipher;

    public Ha1Cipher get() {
        Ha1Cipher current = cipher;
        if (current == null) {
            current = Ha1Cipher.configured();
            cipher = current;
        }
        return current;
    }
}
