package org.openpchat.chat.domain.policy;

import java.util.List;
import java.util.Optional;

/** Persistent Chat policies and configurations, by scope. */
public interface PolicyRepository {

    List<ChatPolicy> policies();

    Optional<ChatPolicy> policy(Scope scope);

    void add(ChatPolicy policy);

    void remove(ChatPolicy policy);

    List<ChatConfiguration> configurations();

    Optional<ChatConfiguration> configuration(Scope scope);

    void add(ChatConfiguration configuration);

    void remove(ChatConfiguration configuration);
}
