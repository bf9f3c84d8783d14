package org.openpchat.chat.application.directory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpchat.chat.domain.policy.PolicyRepository;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.CredentialStore;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * The transactions of a user import. Each line is checked in full before anything of it is
 * stored, so a refused line changes nothing.
 */
@Stateless
public class UserImportSteps {

    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 256;

    @Inject
    private PrincipalRepository principals;
    @Inject
    private CredentialStore credentials;
    @Inject
    private PolicyRepository policies;

    public UserImportSteps() {
    }

    /** Outside the container (tests): into this directory and credential store. */
    public UserImportSteps(PrincipalRepository principals, CredentialStore credentials, PolicyRepository policies) {
        this.principals = principals;
        this.credentials = credentials;
        this.policies = policies;
    }

    /** What a batch did; {@code stored} holds the lines that were applied. */
    public static final class Outcome implements java.io.Serializable {
        private int created;
        private int updated;
        private int groupsCreated;
        private final List<Failure> failures = new ArrayList<>();
        private final Set<Integer> stored = new HashSet<>();

        void add(Outcome other) {
            created += other.created;
            updated += other.updated;
            groupsCreated += other.groupsCreated;
            failures.addAll(other.failures);
            stored.addAll(other.stored);
        }

        public int created() {
            return created;
        }

        public int updated() {
            return updated;
        }

        public int groupsCreated() {
            return groupsCreated;
        }

        public List<Failure> failures() {
            return failures;
        }

        public Set<Integer> stored() {
            return stored;
        }
    }

    public record Failure(int line, String error) implements java.io.Serializable {
    }

    /** One batch in one transaction; the batch's users and groups are read at once, not per line. */
    public Outcome directory(List<ImportedUser> batch) {
        Outcome outcome = new Outcome();
        Map<PrincipalId, Principal> known = new HashMap<>(principals.findAll(ids(batch)));
        for (ImportedUser line : batch) {
            try {
                apply(line, outcome, known);
                outcome.stored.add(line.line());
            } catch (DomainException e) {
                outcome.failures.add(new Failure(line.line(), e.getMessage()));
            }
        }
        return outcome;
    }

    /** The users and groups a batch names, as far as they parse (bad lines fail later, on their own). */
    private static Set<PrincipalId> ids(List<ImportedUser> batch) {
        Set<PrincipalId> ids = new HashSet<>();
        for (ImportedUser line : batch) {
            try {
                ids.add(PrincipalId.user(line.uri()));
                line.groups().forEach(group -> ids.add(groupId(group)));
            } catch (DomainException e) {
                // reported with its line
            }
        }
        return ids;
    }

    private static PrincipalId groupId(String name) {
        String text = name.strip();
        return text.startsWith("group:") ? PrincipalId.parse(text) : PrincipalId.group(text);
    }

    public void webCredentials(List<ImportedUser> batch) {
        for (ImportedUser line : batch) {
            credentials.setWebPassword(PrincipalId.user(line.uri()), line.password());
        }
    }

    private void apply(ImportedUser line, Outcome outcome, Map<PrincipalId, Principal> known) {
        if (line.uri() == null || line.uri().isBlank()) {
            throw DomainException.invalid("the uri column is empty");
        }
        PrincipalId id = PrincipalId.user(line.uri());
        String password = empty(line.password()) ? null : line.password();
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            throw DomainException.invalid("a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        String policy = empty(line.policy()) ? null : Scope.parse(line.policy()).name();
        if (policy != null && policies.policy(Scope.tag(policy)).isEmpty()) {
            throw DomainException.notFound("no such policy: tag:" + policy);
        }
        List<PrincipalId> groups = line.groups().stream().filter(name -> !empty(name))
                .map(UserImportSteps::groupId).toList();
        PrincipalId ou = empty(line.organizationalUnit()) ? null : PrincipalId.ou(line.organizationalUnit());
        String displayName = empty(line.displayName()) ? null : Validate.name(line.displayName(), "display name", 256);
        String site = empty(line.site()) ? null : Validate.name(line.site(), "site", 128);
        Principal user = known.get(id);
        boolean created = user == null;
        if (created) {
            user = Principal.user(id, displayName);
        } else if (displayName != null) {
            user.rename(displayName);
        }
        if (ou != null) {
            user.placeIn(ou);
        }
        if (site != null) {
            user.homeOn(site);
        }
        if (policy != null) {
            user.grantPolicy(policy);
        }
        if (created) {
            principals.add(user);
            known.put(id, user);
            outcome.created++;
        } else {
            outcome.updated++;
        }
        if (password != null) {
            credentials.setSipPassword(id, password);
        }
        for (PrincipalId groupId : groups) {
            Principal group = known.get(groupId);
            if (group == null) {
                group = Principal.group(groupId, null);
                principals.add(group);
                known.put(groupId, group);
                outcome.groupsCreated++;
            }
            group.addMember(id);
        }
    }

    private static boolean empty(String text) {
        return text == null || text.isBlank();
    }
}
