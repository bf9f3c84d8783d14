package org.openpchat.sip.servlet;

import java.io.Serializable;

/** A timer of an application session (JSR 289 {@code javax.servlet.sip.ServletTimer}). */
public interface ServletTimer {

    String getId();

    Serializable getInfo();

    SipApplicationSession getApplicationSession();

    /** Milliseconds since the epoch at which the timer fires next. */
    long scheduledExecutionTime();

    void cancel();
}
