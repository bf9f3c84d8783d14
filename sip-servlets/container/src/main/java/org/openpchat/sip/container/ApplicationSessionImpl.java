package org.openpchat.sip.container;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openpchat.sip.servlet.ServletTimer;
import org.openpchat.sip.servlet.SipApplicationSession;
import org.openpchat.sip.servlet.SipSession;

/** The SIP sessions and timers of one application use; it ends when both are gone. */
final class ApplicationSessionImpl implements SipApplicationSession {

    private final String id = UUID.randomUUID().toString();
    private final SipContainer container;
    private final List<SipSessionImpl> sessions = new CopyOnWriteArrayList<>();
    private final List<ServletTimerImpl> timers = new CopyOnWriteArrayList<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile boolean valid = true;
    private volatile boolean registered;

    ApplicationSessionImpl(SipContainer container) {
        this.container = container;
    }

    void add(SipSessionImpl session) {
        sessions.add(session);
    }

    /** Made visible to {@code SipConnection.getApplicationSession} (dialogs, timers, factory use). */
    void register() {
        if (!registered) {
            registered = true;
            container.sessions().register(this);
        }
    }

    void removed(SipSessionImpl session) {
        sessions.remove(session);
        endIfIdle();
    }

    void add(ServletTimerImpl timer) {
        timers.add(timer);
        register();
    }

    void removed(ServletTimerImpl timer) {
        timers.remove(timer);
        endIfIdle();
    }

    /** The servlet that timers of this application session are delivered to. */
    String handler() {
        return sessions.stream().map(SipSessionImpl::handler).filter(h -> h != null).findFirst().orElse(null);
    }

    private void endIfIdle() {
        if (sessions.isEmpty() && timers.isEmpty()) {
            invalidate();
        }
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Collection<SipSession> getSessions() {
        return List.copyOf(sessions);
    }

    @Override
    public Collection<ServletTimer> getTimers() {
        return List.copyOf(timers);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.copyOf(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void invalidate() {
        if (!valid) {
            return;
        }
        valid = false;
        timers.forEach(ServletTimerImpl::cancel);
        sessions.forEach(SipSessionImpl::invalidate);
        container.sessions().remove(this);
    }
}
