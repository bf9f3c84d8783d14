package org.openpchat.chat.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.directory.CredentialsChanged;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Every registered front end hears of each committed change, even when another one fails. */
class AccessListenersTest {

    private final AccessListeners listeners = new AccessListeners();
    private final List<String> heard = new ArrayList<>();

    private AccessListener recording(String name) {
        return new AccessListener() {
            @Override
            public void accessChanged(AccessChanged change) {
                heard.add(name + " " + change.action());
            }

            @Override
            public void credentialChanged(PrincipalId user) {
                heard.add(name + " credential " + user.name());
            }
        };
    }

    @Test
    void everyListenerHearsOfChangesOfRightsAndCredentials() {
        listeners.register(recording("sip"));
        listeners.register(recording("other"));

        listeners.accessChanged(new AccessChanged("Remove-CsPersistentChatRoom"));
        listeners.credentialChanged(new CredentialsChanged(PrincipalId.user("alice@example.com")));

        assertThat(heard).containsExactly("sip Remove-CsPersistentChatRoom", "other Remove-CsPersistentChatRoom",
                "sip credential " + PrincipalId.user("alice@example.com").name(),
                "other credential " + PrincipalId.user("alice@example.com").name());
    }

    @Test
    void aFailingListenerStopsNoOtherAndAnUnregisteredOneHearsNothing() {
        AccessListener failing = new AccessListener() {
            @Override
            public void accessChanged(AccessChanged change) {
                throw new IllegalStateException("front end gone");
            }

            @Override
            public void credentialChanged(PrincipalId user) {
                throw new IllegalStateException("front end gone");
            }
        };
        AccessListener gone = recording("gone");
        listeners.register(failing);
        listeners.register(recording("sip"));
        listeners.register(gone);
        listeners.unregister(gone);

        listeners.accessChanged(new AccessChanged("Set-Group"));
        listeners.credentialChanged(new CredentialsChanged(PrincipalId.user("bob@example.com")));

        assertThat(heard).containsExactly("sip Set-Group", "sip credential " + PrincipalId.user("bob@example.com").name());
    }
}
