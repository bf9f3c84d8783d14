package org.openpchat.chat.domain.compliance;

import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.policy.Scope;

/** Compliance configurations by scope (stored in mgc). */
public interface ComplianceConfigurationRepository {

    List<ComplianceConfiguration> all();

    Optional<ComplianceConfiguration> find(Scope scope);

    void add(ComplianceConfiguration configuration);

    void remove(ComplianceConfiguration configuration);
}
