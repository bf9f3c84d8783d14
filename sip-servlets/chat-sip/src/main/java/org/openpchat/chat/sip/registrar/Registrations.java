package org.openpchat.chat.sip.registrar;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.EJB;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openpchat.chat.application.directory.CredentialGenerations;
import org.openpchat.chat.application.health.SignedInConnections;
import org.openpchat.chat.sip.auth.Flow;

/**
 * The registrar's bindings, one per connection (flow): who registered over it, with which
 * Contact, until when, and under which generation of the user's credential; a binding stops being
 * trusted when the credential changes. A connection that closes takes its trust with it: a later
 * one from the same address and port is another flow. Node-local, like the connections themselves.
 */
@Singleton
@Startup // not made by its timer during an undeploy: GlassFish's singleton shutdown then fails
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Registrations {

    public record Binding(String user, String contact, Instant expires, long credentialGeneration) {
    }

    private final Map<Flow, Binding> bindings = new ConcurrentHashMap<>();
    private final Clock clock;
    @EJB
    private CredentialGenerations credentials;
    @EJB
    private SignedInConnections gauge;

    public Registrations() {
        this.clock = Clock.systemUTC();
    }

    Registrations(Clock clock, CredentialGenerations credentials, SignedInConnections gauge) {
        this.clock = clock;
        this.credentials = credentials;
        this.gauge = gauge;
    }

    /** The generation of the user's credential, to be read before the credential is checked. */
    public long credentialGeneration(String user) {
        return credentials.of(user);
    }

    public void bind(Flow flow, String user, String contact, int seconds, long credentialGeneration) {
        bindings.put(flow, new Binding(user, contact, clock.instant().plusSeconds(seconds), credentialGeneration));
        gauge.report(bindings.size());
    }

    public void unbind(Flow flow) {
        bindings.remove(flow);
        gauge.report(bindings.size());
    }

    /**
     * True if the user registered over this connection, the binding has not expired and the user's
     * credential has not changed since. Never over UDP: a datagram's source is whatever its sender
     * wrote, so a UDP client answers a challenge with every dialog-creating request.
     */
    public boolean trusts(Flow flow, String user) {
        if (flow.connectionless()) {
            return false;
        }
        Binding binding = bindings.get(flow);
        return binding != null && binding.user().equalsIgnoreCase(user) && binding.expires().isAfter(clock.instant())
                && binding.credentialGeneration() == credentials.of(user);
    }

    /** The connections with a sign-in trusted now: unexpired, and the user's credential unchanged since. */
    public Set<Long> liveConnections() {
        Instant now = clock.instant();
        Set<Long> live = new HashSet<>();
        bindings.forEach((flow, binding) -> {
            if (binding.expires().isAfter(now) && binding.credentialGeneration() == credentials.of(binding.user())) {
                live.add(flow.connection());
            }
        });
        return live;
    }

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void forgetExpired() {
        Instant now = clock.instant();
        bindings.values().removeIf(binding -> !binding.expires().isAfter(now));
        gauge.report(bindings.size());
    }
}
