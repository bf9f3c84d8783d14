package org.openpchat.sip.container;

import org.openpchat.sip.servlet.SipApplicationSession;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipFactory;
import org.openpchat.sip.servlet.SipSession;
import org.openpchat.sip.servlet.SipStatistics;
import org.openpchat.sip.servlet.TimerService;

public class SipConnectionImpl implements SipConnection {

    private final SipManagedConnection managed;
    private final SipContainer container;

    SipConnectionImpl(SipManagedConnection managed, SipContainer container) {
        this.managed = managed;
        this.container = container;
    }

    @Override
    public SipFactory getSipFactory() {
        return new SipFactoryImpl(container);
    }

    @Override
    public TimerService getTimerService() {
        return new TimerServiceImpl(container);
    }

    @Override
    public SipSession getSession(String id) {
        return container.sessions().byId(id);
    }

    @Override
    public SipApplicationSession getApplicationSession(String id) {
        return container.sessions().application(id);
    }

    @Override
    public long getDeliveryDelayMillis() {
        return container.deliveryDelayMillis();
    }

    @Override
    public SipStatistics getStatistics() {
        return container.statistics();
    }

    @Override
    public void close() {
        managed.closed(this);
    }
}
