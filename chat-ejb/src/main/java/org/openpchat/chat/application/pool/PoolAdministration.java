package org.openpchat.chat.application.pool;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.pool.PoolSettings;
import org.openpchat.chat.domain.pool.PoolSettingsRepository;
import org.openpchat.chat.domain.pool.PoolState;

/**
 * The pool's administration (Get-CsPersistentChatState, Set-CsPersistentChatState,
 * Set-CsPersistentChatActiveServer): its state and active servers, kept in the database that
 * every node shares, and the nodes as this one knows them. Administrators only; every change is
 * audited under its cmdlet. {@link #serves} is the SIP front end's question, cheap enough for every
 * new dialog.
 */
@Stateless
public class PoolAdministration {

    static final String SET_STATE = "Set-CsPersistentChatState";
    static final String SET_ACTIVE_SERVERS = "Set-CsPersistentChatActiveServer";
    /** The audit log's target: there is one pool. */
    static final String TARGET = "pool";
    private static final String WHAT = "manage the pool";

    @Inject
    private PoolSettingsRepository repository;
    @EJB
    private PoolNode node;
    @Inject
    private PoolServing serving;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;

    public PoolAdministration() {
    }

    /** Outside the container (tests). */
    public PoolAdministration(PoolSettingsRepository repository, PoolNode node, PoolServing serving,
            EntityLocks locks, Audit audit) {
        this.repository = repository;
        this.node = node;
        this.serving = serving;
        this.locks = locks;
        this.audit = audit;
    }

    /** Get-CsPersistentChatState: the settings and the nodes, each active or idle by them. */
    public PoolStateView state(Actor actor) {
        actor.requireAdministrator(WHAT);
        return view(repository.find().orElseGet(PoolSettings::initial));
    }

    /** Set-CsPersistentChatState. */
    public PoolStateView setState(Actor actor, PoolState state) {
        return change(actor, PoolChange.state(state), null);
    }

    /** Set-CsPersistentChatActiveServer: exactly these servers are active; none makes every node active. */
    public PoolStateView setActiveServers(Actor actor, List<String> names) {
        return change(actor, PoolChange.activeServers(names), null);
    }

    /**
     * Both in one change (the API's PATCH), all or nothing, refused when the settings are no
     * longer those of {@code expectedTag} (null: no check). Each part is audited under its cmdlet
     * with the settings before and after it.
     */
    public PoolStateView change(Actor actor, PoolChange change, String expectedTag) {
        actor.requireAdministrator(WHAT);
        PoolSettings settings = repository.find().map(locks::lockForUpdate).orElse(null);
        PoolSettingsView before = PoolSettingsView.of(settings == null ? PoolSettings.initial() : settings);
        ItemTags.require(expectedTag, before, "the pool");
        if (settings == null) {
            settings = PoolSettings.initial();
            repository.add(settings);
        }
        if (change.activeServers() != null) {
            change.activeServers().applyTo(settings);
            PoolSettingsView after = PoolSettingsView.of(settings);
            audit.changed(actor, SET_ACTIVE_SERVERS, TARGET, before, after);
            before = after;
        }
        if (change.state() != null) {
            settings.changeState(change.state());
            audit.changed(actor, SET_STATE, TARGET, before, PoolSettingsView.of(settings));
        }
        serving.forget();
        return view(settings);
    }

    /**
     * Whether the node of this name takes clients (the pool is Normal and the node active; a
     * server in no pool asks with null and serves while Normal). Read from settings at most a
     * second old, without a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean serves(String nodeName) {
        return serving.serves(nodeName);
    }

    /** Whether this server takes clients now ({@link #serves} with its name in the pool, if any). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean servesHere() {
        return serving.serves(node.self().map(NodeId::name).orElse(null));
    }

    private PoolStateView view(PoolSettings settings) {
        return PoolStateView.of(settings, node.self(), node.nodes());
    }
}
