package org.openpchat.chat.domain.category;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.Validate;

/**
 * A flat container of rooms that carries their access-control defaults: who is allowed in its
 * rooms, who is denied (deny beats allow: the ethical wall), and who may create rooms.
 */
public class Category {

    public static final int MAX_NAME = 256;
    public static final int MAX_DESCRIPTION = 1024;

    private Long id;
    private String uid;
    private String name;
    private String description;
    private boolean fileUploadEnabled;
    private boolean invitationsEnabled;
    private boolean chatHistoryEnabled = true;
    private Set<PrincipalId> allowedMembers = new LinkedHashSet<>();
    private Set<PrincipalId> deniedMembers = new LinkedHashSet<>();
    private Set<PrincipalId> creators = new LinkedHashSet<>();
    private long version;

    protected Category() {
    }

    public Category(String name, String description) {
        this.uid = UUID.randomUUID().toString();
        rename(name);
        describe(description);
    }

    /** A category as an export archive recorded it, with the same id. */
    public static Category restore(String uid, String name, String description) {
        Category category = new Category(name, description);
        category.uid = Validate.name(uid, "category id", 36);
        return category;
    }

    /** Allowed and not denied: may be a member of rooms here and find its Open and Closed rooms. */
    public boolean admits(Affiliations who) {
        return who.matchesAny(allowedMembers) && !who.matchesAny(deniedMembers);
    }

    public boolean denies(Affiliations who) {
        return who.matchesAny(deniedMembers);
    }

    /** A creator who is not denied may create rooms in this category. */
    public boolean letsCreateRooms(Affiliations who) {
        return who.matchesAny(creators) && !who.matchesAny(deniedMembers);
    }

    public void rename(String newName) {
        this.name = Validate.name(newName, "category name", MAX_NAME);
    }

    public void describe(String newDescription) {
        this.description = Validate.optionalText(newDescription, "description", MAX_DESCRIPTION);
    }

    public void enableFileUpload(boolean enabled) {
        this.fileUploadEnabled = enabled;
    }

    public void enableInvitations(boolean enabled) {
        this.invitationsEnabled = enabled;
    }

    public void enableChatHistory(boolean enabled) {
        this.chatHistoryEnabled = enabled;
    }

    public void modifyAllowedMembers(AccessList change) {
        change.applyTo(allowedMembers);
    }

    public void modifyDeniedMembers(AccessList change) {
        change.applyTo(deniedMembers);
    }

    public void modifyCreators(AccessList change) {
        change.applyTo(creators);
    }

    public Long id() {
        return id;
    }

    public String uid() {
        return uid;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean fileUploadEnabled() {
        return fileUploadEnabled;
    }

    public boolean invitationsEnabled() {
        return invitationsEnabled;
    }

    public boolean chatHistoryEnabled() {
        return chatHistoryEnabled;
    }

    public Set<PrincipalId> allowedMembers() {
        return Collections.unmodifiableSet(allowedMembers);
    }

    public Set<PrincipalId> deniedMembers() {
        return Collections.unmodifiableSet(deniedMembers);
    }

    public Set<PrincipalId> creators() {
        return Collections.unmodifiableSet(creators);
    }
}
