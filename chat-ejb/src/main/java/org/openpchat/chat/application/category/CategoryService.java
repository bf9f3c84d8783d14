package org.openpchat.chat.application.category;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.category.CategoryRepository;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/** Categories are managed by administrators only (Lync: CsPersistentChatAdministrator). */
@Stateless
public class CategoryService {

    private static final String WHAT = "manage categories";

    @Inject
    private CategoryRepository categories;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;

    public CategoryService() {
    }

    /** Outside the container (tests): over this repository. */
    public CategoryService(CategoryRepository categories, EntityLocks locks, Audit audit) {
        this.categories = categories;
        this.locks = locks;
        this.audit = audit;
    }

    /** New-CsPersistentChatCategory, with its lists set at once. */
    public CategoryView create(Actor actor, CategoryChange request) {
        actor.requireAdministrator(WHAT);
        CategorySpec spec = request.settings();
        if (spec.name() == null) {
            throw DomainException.invalid("a category needs a name");
        }
        requireFreeName(spec.name());
        Category category = new Category(spec.name(), spec.description());
        apply(category, request);
        categories.add(category);
        CategoryView created = view(category);
        audit.created(actor, "New-CsPersistentChatCategory", target(category), created);
        return created;
    }

    public CategoryView create(Actor actor, CategorySpec spec) {
        return create(actor, CategoryChange.of(spec));
    }

    /** Set-CsPersistentChatCategory: everything in the request, or nothing. */
    public CategoryView update(Actor actor, String name, CategoryChange change, String expectedTag) {
        actor.requireAdministrator(WHAT);
        Category category = locks.lockForUpdate(find(name));
        CategoryView before = view(category);
        ItemTags.require(expectedTag, before, "category '" + category.name() + "'");
        String newName = change.settings().name();
        if (newName != null && !newName.strip().equals(category.name())) {
            requireFreeName(newName);
            category.rename(newName);
        }
        if (change.settings().description() != null) {
            category.describe(change.settings().description());
        }
        apply(category, change);
        CategoryView after = view(category);
        audit.changed(actor, "Set-CsPersistentChatCategory", target(category), before, after);
        return after;
    }

    public CategoryView modifyAllowedMembers(Actor actor, String name, AccessList change) {
        return update(actor, name, new CategoryChange(null, change, null, null), null);
    }

    public CategoryView modifyDeniedMembers(Actor actor, String name, AccessList change) {
        return update(actor, name, new CategoryChange(null, null, change, null), null);
    }

    public CategoryView modifyCreators(Actor actor, String name, AccessList change) {
        return update(actor, name, new CategoryChange(null, null, null, change), null);
    }

    /** Only an empty category can be removed. */
    public void delete(Actor actor, String name) {
        actor.requireAdministrator(WHAT);
        Category category = locks.lockForUpdate(find(name));
        long rooms = categories.countRooms(category);
        if (rooms > 0) {
            throw DomainException.conflict("category '" + category.name() + "' still holds " + rooms + " room(s)");
        }
        audit.removed(actor, "Remove-CsPersistentChatCategory", target(category), view(category));
        categories.remove(category);
    }

    public Category find(String name) {
        return categories.findByName(name == null ? null : name.strip())
                .orElseThrow(() -> DomainException.notFound("no such category: " + name));
    }

    public CategoryView view(Actor actor, String name) {
        actor.requireAdministrator(WHAT);
        return view(find(name));
    }

    public List<CategoryView> views(Actor actor) {
        actor.requireAdministrator(WHAT);
        return categories.all().stream().map(this::view).toList();
    }

    /**
     * The names of the categories the actor may create rooms in, by name: what the room
     * management page offers a category creator (every category for an administrator).
     */
    public List<String> whereRoomsMayBeCreated(Actor actor) {
        return categories.all().stream().filter(category -> RoomAccess.mayCreateRoom(actor, category))
                .map(Category::name).sorted(Comparator.comparing(String::toLowerCase)).toList();
    }

    public List<Category> list() {
        return categories.all();
    }

    private CategoryView view(Category category) {
        return CategoryView.of(category);
    }

    private void requireFreeName(String name) {
        if (categories.findByName(name.strip()).isPresent()) {
            throw DomainException.conflict("category '" + name.strip() + "' already exists");
        }
    }

    private static String target(Category category) {
        return "category:" + category.name();
    }

    private static void apply(Category category, CategoryChange change) {
        CategorySpec spec = change.settings();
        if (spec.fileUpload() != null) {
            category.enableFileUpload(spec.fileUpload());
        }
        if (spec.invitations() != null) {
            category.enableInvitations(spec.invitations());
        }
        if (spec.chatHistory() != null) {
            category.enableChatHistory(spec.chatHistory());
        }
        if (change.allowedMembers() != null) {
            category.modifyAllowedMembers(change.allowedMembers());
        }
        if (change.deniedMembers() != null) {
            category.modifyDeniedMembers(change.deniedMembers());
        }
        if (change.creators() != null) {
            category.modifyCreators(change.creators());
        }
    }
}
