package org.openpchat.sip.container;

import java.io.Serializable;
import java.util.TimerTask;
import java.util.UUID;
import org.openpchat.sip.servlet.ServletTimer;
import org.openpchat.sip.servlet.SipApplicationSession;

/** A timer of an application session, fired by the container's timer and delivered to its servlet. */
final class ServletTimerImpl implements ServletTimer {

    private final String id = UUID.randomUUID().toString();
    private final ApplicationSessionImpl applicationSession;
    private final Serializable info;
    private final long periodMillis;
    private final String handler;
    private volatile long nextRun;
    private volatile TimerTask task;

    ServletTimerImpl(ApplicationSessionImpl applicationSession, Serializable info, long delayMillis,
            long periodMillis, String handler) {
        this.applicationSession = applicationSession;
        this.info = info;
        this.periodMillis = periodMillis;
        this.handler = handler;
        this.nextRun = System.currentTimeMillis() + delayMillis;
    }

    void schedule(TimerTask timerTask) {
        this.task = timerTask;
        applicationSession.add(this);
    }

    /** Called as it fires: a one-shot timer is done, a periodic one moves on. */
    void fired() {
        if (periodMillis > 0) {
            nextRun += periodMillis;
        } else {
            applicationSession.removed(this);
        }
    }

    String handler() {
        return handler;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Serializable getInfo() {
        return info;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return applicationSession;
    }

    @Override
    public long scheduledExecutionTime() {
        return nextRun;
    }

    @Override
    public void cancel() {
        TimerTask current = task;
        if (current != null) {
            current.cancel();
        }
        applicationSession.removed(this);
    }
}
