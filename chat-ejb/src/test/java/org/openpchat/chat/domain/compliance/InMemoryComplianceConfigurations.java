package org.openpchat.chat.domain.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.policy.Scope;

/** Compliance configurations held in a list, for use case tests. */
public class InMemoryComplianceConfigurations implements ComplianceConfigurationRepository {

    private final List<ComplianceConfiguration> configurations = new ArrayList<>();

    @Override
    public List<ComplianceConfiguration> all() {
        return List.copyOf(configurations);
    }

    @Override
    public Optional<ComplianceConfiguration> find(Scope scope) {
        return configurations.stream().filter(c -> c.scope().equals(scope)).findFirst();
    }

    @Override
    public void add(ComplianceConfiguration configuration) {
        configurations.add(configuration);
    }

    @Override
    public void remove(ComplianceConfiguration configuration) {
        configurations.remove(configuration);
    }
}
