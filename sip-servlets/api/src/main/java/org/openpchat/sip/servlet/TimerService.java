package org.openpchat.sip.servlet;

import java.io.Serializable;

/**
 * Creates servlet timers (JSR 289 {@code javax.servlet.sip.TimerService}). A timer is delivered
 * to the servlet that owns the application session, through {@link SipServlet#timeout}, with
 * the same container services as a request. Timers are not persistent.
 */
public interface TimerService {

    ServletTimer createTimer(SipApplicationSession session, long delayMillis, Serializable info);

    ServletTimer createTimer(SipApplicationSession session, long delayMillis, long periodMillis, Serializable info);
}
