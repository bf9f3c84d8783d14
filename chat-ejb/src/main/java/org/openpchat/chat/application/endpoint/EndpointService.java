package org.openpchat.chat.application.endpoint;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.chat.domain.endpoint.ChatEndpointRepository;
import org.openpchat.chat.domain.endpoint.PoolAddress;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The SIP addresses the chat pool answers (New-/Get-/Remove-CsPersistentChatEndpoint). A new
 * server answers its pool URI and the Group Chat URI {@code sip:ocschat@<domain>} (see
 * {@link EndpointDefaults}); the last endpoint cannot be removed, so the list is never empty again.
 */
@Stateless
public class EndpointService {

    private static final String WHAT = "manage chat endpoints";

    @Inject
    private ChatEndpointRepository endpoints;
    @Inject
    private ChatServerSettings settings;
    @Inject
    private Audit audit;

    public EndpointService() {
    }

    /** Outside the container (tests): over this repository. */
    public EndpointService(ChatEndpointRepository endpoints, ChatServerSettings settings, Audit audit) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.audit = audit;
    }

    public EndpointView create(Actor actor, String sipAddress, String displayName) {
        actor.requireAdministrator(WHAT);
        ChatEndpoint endpoint = new ChatEndpoint(sipAddress, displayName);
        if (endpoints.find(endpoint.sipAddress()).isPresent()) {
            throw DomainException.conflict("endpoint " + endpoint.sipAddress() + " already exists");
        }
        endpoints.add(endpoint);
        EndpointView created = EndpointView.of(endpoint);
        audit.created(actor, "New-CsPersistentChatEndpoint", "endpoint:" + endpoint.sipAddress(), created);
        return created;
    }

    public void remove(Actor actor, String sipAddress) {
        actor.requireAdministrator(WHAT);
        ChatEndpoint endpoint = find(sipAddress);
        if (endpoints.lockAll() == 1) {
            throw DomainException.conflict(endpoint.sipAddress() + " is the last chat endpoint: without one, SIP"
                    + " clients cannot reach the chat pool; add another endpoint first");
        }
        audit.removed(actor, "Remove-CsPersistentChatEndpoint", "endpoint:" + endpoint.sipAddress(),
                EndpointView.of(endpoint));
        endpoints.remove(endpoint);
    }

    public EndpointView view(Actor actor, String sipAddress) {
        actor.requireAdministrator(WHAT);
        return EndpointView.of(find(sipAddress));
    }

    public List<EndpointView> views(Actor actor) {
        actor.requireAdministrator(WHAT);
        return endpoints.all().stream().map(EndpointView::of).toList();
    }

    /** Whether an INVITE to this address ({@code user@host}, with or without sip:) opens a chat dialog. */
    public boolean answers(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String text = address.regionMatches(true, 0, "sip:", 0, 4) ? address : "sip:" + address;
        try {
            return endpoints.find(ChatEndpoint.normalise(text)).isPresent();
        } catch (DomainException e) {
            return false;
        }
    }

    /** Puts the two default endpoints in an empty list; returns true if it did. */
    public boolean addDefaultsIfEmpty() {
        if (!endpoints.all().isEmpty()) {
            return false;
        }
        Actor system = Actor.system("defaults");
        create(system, settings.poolUri(), "Persistent Chat pool");
        create(system, "sip:ocschat@" + settings.sipDomain(), "Group Chat (legacy clients)");
        return true;
    }

    /** The URI provisioning and the Lookup step hand to clients (see {@link PoolAddress}). */
    public String poolUri() {
        return PoolAddress.choose(settings.poolUri(), endpoints.all());
    }

    private ChatEndpoint find(String sipAddress) {
        String text = sipAddress == null ? "" : sipAddress.strip();
        String address = text.regionMatches(true, 0, "sip:", 0, 4) ? text : "sip:" + text;
        return endpoints.find(ChatEndpoint.normalise(address))
                .orElseThrow(() -> DomainException.notFound("no such endpoint: " + sipAddress));
    }
}
