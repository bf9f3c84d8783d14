package org.openpchat.chat.application.preference;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.preference.PreferenceRepository;
import org.openpchat.chat.domain.preference.UserPreference;

/** A user's client preferences (cmd:getpref / cmd:setpref): opaque values under labels. */
@Stateless
public class PreferenceService {

    @Inject
    private PreferenceRepository preferences;

    private final Clock clock;

    public PreferenceService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over this repository, with this clock. */
    public PreferenceService(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The user's value under the label; with {@code createDefault} an empty one is stored if none. */
    public Optional<UserPreference> read(Actor actor, String label, boolean createDefault) {
        Optional<UserPreference> found = preferences.find(actor.user(), label);
        if (found.isEmpty() && createDefault) {
            UserPreference created = new UserPreference(actor.user(), label, clock.instant());
            preferences.add(created);
            return Optional.of(created);
        }
        return found;
    }

    public UserPreference write(Actor actor, String label, String content) {
        UserPreference preference = preferences.find(actor.user(), label).orElseGet(() -> {
            UserPreference created = new UserPreference(actor.user(), label, clock.instant());
            preferences.add(created);
            return created;
        });
        preference.replace(content, clock.instant());
        return preference;
    }
}
