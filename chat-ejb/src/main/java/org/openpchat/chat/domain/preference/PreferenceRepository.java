package org.openpchat.chat.domain.preference;

import java.util.Optional;
import org.openpchat.chat.domain.principal.PrincipalId;

public interface PreferenceRepository {

    Optional<UserPreference> find(PrincipalId owner, String label);

    void add(UserPreference preference);

    /** How many labels the owner has a value under. */
    long countOf(PrincipalId owner);
}
