package org.openpchat.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * A console session's sign-in, kept in the HTTP session: who, in which groups, and the generation
 * of their credentials when the password was checked (a password change or removal ends the session).
 */
record SignedIn(String user, Set<String> groups, long credentialGeneration) implements Serializable {

    static final String ATTRIBUTE = SignedIn.class.getName();
}
