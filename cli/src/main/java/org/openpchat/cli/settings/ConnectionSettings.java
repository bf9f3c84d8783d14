package org.openpchat.cli.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where the API is and who signs in. The password is asked for only when a request needs it.
 *
 * @param apiBase the API's base URI, {@code https://host:8181/pchat/api/v1}
 * @param user    the user as configured ({@code sip:admin@example.com} or {@code admin@example.com})
 * @param caFile  a PEM file of the certificates to trust, or {@code null} for the JDK's trust store
 */
public record ConnectionSettings(URI apiBase, String user, Supplier<char[]> password, Path caFile) {

    /**
     * The user name for HTTP Basic: without {@code sip:}, since Basic credentials are
     * {@code name:password} and a name may not contain a colon.
     */
    public String basicUser() {
        return user.regionMatches(true, 0, "sip:", 0, 4) ? user.substring(4) : user;
    }
}
