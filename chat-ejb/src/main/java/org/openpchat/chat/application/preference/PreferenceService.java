package org.openpchat.chat.application.preference;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.preference.PreferenceRepository;
import org.openpchat.chat.domain.preference.UserPreference;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * A user's client preferences (cmd:getpref / cmd:setpref): opaque values under labels. A user
 * keeps at most {@link #MAX_LABELS_PER_USER} labels, so one account cannot fill the database
 * (with {@link UserPreference#MAX_CONTENT} characters each, about 2 MB per user at most).
 */
@Stateless
public class PreferenceService {

    /** Lync clients and SIPE use a handful of labels; 64 leaves room for add-ins. */
    public static final int MAX_LABELS_PER_USER = 64;

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
            return Optional.of(create(actor, label));
        }
        return found;
    }

    public UserPreference write(Actor actor, String label, String content) {
        UserPreference preference = preferences.find(actor.user(), label).orElseGet(() -> create(actor, label));
        preference.replace(content, clock.instant());
        return preference;
    }

    private UserPreference create(Actor actor, String label) {
        UserPreference created = new UserPreference(actor.user(), label, clock.instant());
        if (preferences.countOf(actor.user()) >= MAX_LABELS_PER_USER) {
            throw DomainException.conflict("a user keeps at most " + MAX_LABELS_PER_USER + " preference labels");
        }
        preferences.add(created);
        return created;
    }
}
