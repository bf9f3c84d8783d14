package org.openpchat.chat.domain.addin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class AddinTest {

    @Test
    void keepsItsNameAndUrlAndHasNoIdUntilStored() {
        Addin addin = new Addin(" Quotes ", "https://quotes.example.com/pane");

        assertThat(addin.name()).isEqualTo("Quotes");
        assertThat(addin.url()).isEqualTo("https://quotes.example.com/pane");
        assertThat(addin.id()).isNull();
    }

    @Test
    void needsANameAndAnHttpUrl() {
        assertThatThrownBy(() -> new Addin(" ", "https://quotes.example.com/")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Addin("Quotes", null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("needs a URL");
        assertThatThrownBy(() -> new Addin("Quotes", "file:///etc/passwd")).isInstanceOf(DomainException.class);
    }
}
