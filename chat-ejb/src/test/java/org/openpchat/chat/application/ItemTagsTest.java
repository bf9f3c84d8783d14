package org.openpchat.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.chat.application.category.CategoryView;

class ItemTagsTest {

    @Test
    void equalViewsHaveEqualTagsAndAnyChangeGivesANewOne() {
        CategoryView view = new CategoryView("General", null, List.of("group:staff"), List.of(), List.of(), false,
                true, true);
        CategoryView sameAgain = new CategoryView("General", null, List.of("group:staff"), List.of(), List.of(), false,
                true, true);
        CategoryView listChanged = new CategoryView("General", null, List.of("group:staff", "sip:a@b.c"), List.of(),
                List.of(), false, true, true);

        assertThat(ItemTags.of(view)).isEqualTo(ItemTags.of(sameAgain)).hasSize(32).matches("[0-9a-f]+");
        assertThat(ItemTags.of(listChanged)).isNotEqualTo(ItemTags.of(view));
    }

    @Test
    void aStaleExpectationIsRefusedAndNoneIsAccepted() {
        AddinView now = new AddinView("Stocks", "https://x.example.com/");
        assertThatNoException().isThrownBy(() -> ItemTags.require(ItemTags.of(now), now, "add-in"));
        assertThatNoException().isThrownBy(() -> ItemTags.require(null, now, "add-in"));
        assertThatThrownBy(() -> ItemTags.require("0123", now, "add-in 'Stocks'"))
                .isInstanceOf(StaleItemException.class).hasMessageContaining("add-in 'Stocks' was changed");
    }
}
