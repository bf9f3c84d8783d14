package org.openpchat.chat.sip.registrar;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openpchat.chat.sip.auth.Flow;

/**
 * The registrar's bindings, one per connection (flow): who registered over it, with which
 * Contact, until when. Node-local, like the connections themselves.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Registrations {

    public record Binding(String user, String contact, Instant expires) {
    }

    private final Map<Flow, Binding> bindings = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public void bind(Flow flow, String user, String contact, int seconds) {
        bindings.put(flow, new Binding(user, contact, clock.instant().plusSeconds(seconds)));
    }

    public void unbind(Flow flow) {
        bindings.remove(flow);
    }

    /** True if the user registered over this connection and the binding is still current. */
    public boolean trusts(Flow flow, String user) {
        Binding binding = bindings.get(flow);
        return binding != null && binding.user().equalsIgnoreCase(user) && binding.expires().isAfter(clock.instant());
    }

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void forgetExpired() {
        Instant now = clock.instant();
        bindings.values().removeIf(binding -> !binding.expires().isAfter(now));
    }
}
