package org.openpchat.chat.application.transfer;

import java.io.Serializable;
import org.openpchat.chat.application.category.CategoryView;

/** A category in an archive: its id and what administrators see of it. */
public record ExportedCategory(String uid, CategoryView category) implements Serializable {
}
