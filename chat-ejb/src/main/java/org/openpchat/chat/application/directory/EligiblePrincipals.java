package org.openpchat.chat.application.directory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Predicate;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.principal.AffiliationResolver;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Get-CsPersistentChatEligiblePrincipal: the users who may be members or managers of a category's
 * rooms (the category admits them), or presenters of an auditorium (they are its members).
 * Users are examined in address order, a page at a time, until {@code max} are found.
 */
@Stateless
public class EligiblePrincipals {

    public static final int MAX_RESULTS = 1000;
    private static final int PAGE = 500;

    @Inject
    private PrincipalRepository principals;
    @Inject
    private CategoryRepository categories;
    @Inject
    private RoomLookup rooms;

    public EligiblePrincipals() {
    }

    /** Outside the container (tests): over these repositories. */
    public EligiblePrincipals(PrincipalRepository principals, CategoryRepository categories, RoomLookup rooms) {
        this.principals = principals;
        this.categories = categories;
        this.rooms = rooms;
    }

    public List<String> forCategory(Actor actor, String categoryName, String filter, int max) {
        actor.requireAdministrator("list eligible principals");
        Category category = categories.findByName(categoryName == null ? null : categoryName.strip())
                .orElseThrow(() -> DomainException.notFound("no such category: " + categoryName));
        return users(filter, max, category::admits);
    }

    /** Members and managers, or, with {@code presenters}, presenters of an auditorium. */
    public List<String> forRoom(Actor actor, String reference, boolean presenters, String filter, int max) {
        actor.requireAdministrator("list eligible principals");
        Room room = rooms.find(reference);
        if (presenters && room.type() != RoomType.AUDITORIUM) {
            throw DomainException.invalid("room '" + room.name() + "' is not an auditorium: it has no presenters");
        }
        return users(filter, max, presenters ? room::hasMember : room.category()::admits);
    }

    private List<String> users(String filter, int max, Predicate<Affiliations> eligible) {
        int wanted = Math.max(1, Math.min(max, MAX_RESULTS));
        AffiliationResolver resolver = new AffiliationResolver(principals);
        List<String> found = new java.util.ArrayList<>();
        for (int offset = 0; found.size() < wanted; offset += PAGE) {
            List<Principal> page = principals.search(PrincipalKind.USER, filter, offset, PAGE);
            for (Principal user : page) {
                if (found.size() < wanted && eligible.test(resolver.resolve(user.principalId()))) {
                    found.add(user.principalId().toString());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return found;
    }
}
