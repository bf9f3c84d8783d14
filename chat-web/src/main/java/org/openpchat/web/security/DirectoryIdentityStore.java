package org.openpchat.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Checks passwords against the users in mgc (their PBKDF2 hashes, Jakarta Security's
 * Pbkdf2PasswordHash). The caller is named by SIP address ({@code sip:alice@example.com}); groups
 * are {@value #ADMINISTRATORS} for Persistent Chat administrators and {@value #USERS} for everybody.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    public static final String ADMINISTRATORS = "pchat-administrators";
    public static final String USERS = "pchat-users";

    @EJB
    private DirectoryService directory;
    @Inject
    private VerifiedPasswords verified;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String user = SignInNames.normalise(login.getCaller());
        String password = login.getPasswordAsString();
        Optional<Set<String>> remembered = verified.check(user, password);
        if (remembered.isPresent()) {
            return new CredentialValidationResult(new CallerPrincipal(user), remembered.get());
        }
        long generation = verified.credentialGeneration(user);
        try {
            if (!directory.verifyPassword(user, password)) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            Set<String> groups = directory.actorFor(user).administrator() ? Set.of(ADMINISTRATORS, USERS)
                    : Set.of(USERS);
            verified.remember(user, password, groups, generation);
            return new CredentialValidationResult(new CallerPrincipal(user), groups);
        } catch (DomainException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
