package org.openpchat.chat.application.directory;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A counter per user that moves each time the user's SIP credential changes (once the change is
 * committed). Whoever trusts a past sign-in (the registrar's bindings, the API's verified
 * passwords) notes the generation before checking the credential and trusts the sign-in only while
 * the generation is still the same. Node-local: users whose credentials never changed since this
 * node started are at generation 0.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CredentialGenerations {

    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    /** The user's generation; {@code user} is {@code alice@example.com} or {@code sip:alice@example.com}. */
    public long of(String user) {
        return user == null ? 0 : generations.getOrDefault(key(user), 0L);
    }

    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsChanged event) {
        generations.merge(key(event.user().name()), 1L, Long::sum);
    }

    private static String key(String user) {
        String name = user.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("sip:") ? name.substring(4) : name;
    }
}
