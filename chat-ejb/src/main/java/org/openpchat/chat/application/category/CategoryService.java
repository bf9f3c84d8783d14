package org.openpchat.chat.application.category;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/** Categories are managed by administrators only (Lync: CsPersistentChatAdministrator). */
@Stateless
public class CategoryService {

    @Inject
    private CategoryRepository categories;

    public Category create(Actor actor, CategorySpec spec) {
        actor.requireAdministrator("manage categories");
        if (categories.findByName(spec.name()).isPresent()) {
            throw DomainException.conflict("category '" + spec.name() + "' already exists");
        }
        Category category = new Category(spec.name(), spec.description());
        apply(category, spec);
        categories.add(category);
        return category;
    }

    public Category modify(Actor actor, String name, CategorySpec change) {
        actor.requireAdministrator("manage categories");
        Category category = find(name);
        if (change.name() != null && !change.name().equals(category.name())) {
            if (categories.findByName(change.name()).isPresent()) {
                throw DomainException.conflict("category '" + change.name() + "' already exists");
            }
            category.rename(change.name());
        }
        if (change.description() != null) {
            category.describe(change.description());
        }
        apply(category, change);
        return category;
    }

    public Category modifyAllowedMembers(Actor actor, String name, AccessList change) {
        actor.requireAdministrator("manage categories");
        Category category = find(name);
        category.modifyAllowedMembers(change);
        return category;
    }

    public Category modifyDeniedMembers(Actor actor, String name, AccessList change) {
        actor.requireAdministrator("manage categories");
        Category category = find(name);
        category.modifyDeniedMembers(change);
        return category;
    }

    public Category modifyCreators(Actor actor, String name, AccessList change) {
        actor.requireAdministrator("manage categories");
        Category category = find(name);
        category.modifyCreators(change);
        return category;
    }

    /** Only an empty category can be removed. */
    public void delete(Actor actor, String name) {
        actor.requireAdministrator("manage categories");
        Category category = find(name);
        long rooms = categories.countRooms(category);
        if (rooms > 0) {
            throw DomainException.conflict("category '" + name + "' still holds " + rooms + " room(s)");
        }
        categories.remove(category);
    }

    public Category find(String name) {
        return categories.findByName(name)
                .orElseThrow(() -> DomainException.notFound("no such category: " + name));
    }

    public List<Category> list() {
        return categories.all();
    }

    private static void apply(Category category, CategorySpec spec) {
        if (spec.fileUpload() != null) {
            category.enableFileUpload(spec.fileUpload());
        }
        if (spec.invitations() != null) {
            category.enableInvitations(spec.invitations());
        }
        if (spec.chatHistory() != null) {
            category.enableChatHistory(spec.chatHistory());
        }
    }
}
