package org.openpchat.chat.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the most specific setting that applies: a user's tag, then the service the user is
 * served by, then the user's site, then global.
 */
public final class ScopePrecedence {

    private ScopePrecedence() {
    }

    /** The scopes that apply, most specific first; null arguments are skipped. */
    public static List<Scope> applicable(String tag, String serviceFqdn, String site) {
        List<Scope> scopes = new ArrayList<>();
        if (tag != null) {
            scopes.add(Scope.tag(tag));
        }
        if (serviceFqdn != null) {
            scopes.add(Scope.service(serviceFqdn));
        }
        if (site != null) {
            scopes.add(Scope.site(site));
        }
        scopes.add(Scope.GLOBAL);
        return scopes;
    }

    public static <T> Optional<T> mostSpecific(List<T> settings, Function<T, Scope> scopeOf, List<Scope> applicable) {
        Map<String, T> byIdentity = settings.stream()
                .collect(Collectors.toMap(s -> scopeOf.apply(s).identity().toLowerCase(Locale.ROOT), s -> s, (a, b) -> a));
        for (Scope scope : applicable) {
            T found = byIdentity.get(scope.identity().toLowerCase(Locale.ROOT));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
