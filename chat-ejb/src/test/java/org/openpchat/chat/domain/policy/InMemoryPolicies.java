package org.openpchat.chat.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Policies and configurations held in lists, for use case tests. */
public class InMemoryPolicies implements PolicyRepository {

    private final List<ChatPolicy> policies = new ArrayList<>();
    private final List<ChatConfiguration> configurations = new ArrayList<>();

    @Override
    public List<ChatPolicy> policies() {
        return List.copyOf(policies);
    }

    @Override
    public Optional<ChatPolicy> policy(Scope scope) {
        return policies.stream().filter(policy -> policy.scope().equals(scope)).findFirst();
    }

    @Override
    public void add(ChatPolicy policy) {
        policies.add(policy);
    }

    @Override
    public void remove(ChatPolicy policy) {
        policies.remove(policy);
    }

    @Override
    public List<ChatConfiguration> configurations() {
        return List.copyOf(configurations);
    }

    @Override
    public Optional<ChatConfiguration> configuration(Scope scope) {
        return configurations.stream().filter(configuration -> configuration.scope().equals(scope)).findFirst();
    }

    @Override
    public void add(ChatConfiguration configuration) {
        configurations.add(configuration);
    }

    @Override
    public void remove(ChatConfiguration configuration) {
        configurations.remove(configuration);
    }
}
