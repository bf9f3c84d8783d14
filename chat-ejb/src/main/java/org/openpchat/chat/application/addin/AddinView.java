package org.openpchat.chat.application.addin;

import java.io.Serializable;
import org.openpchat.chat.domain.addin.Addin;

/** A registered add-in (Get-CsPersistentChatAddin). */
public record AddinView(String name, String url) implements Serializable {

    public static AddinView of(Addin addin) {
        return new AddinView(addin.name(), addin.url());
    }
}
