package org.openpchat.sip.container;

import java.io.Serializable;
import java.util.TimerTask;
import org.openpchat.sip.servlet.ServletTimer;
import org.openpchat.sip.servlet.SipApplicationSession;
import org.openpchat.sip.servlet.TimerService;

/**
 * Timers on the resource adapter's container-provided timer; each expiry is delivered to the
 * servlet like a request (on a WorkManager thread, in order with the application session's other
 * work).
 */
final class TimerServiceImpl implements TimerService {

    private final SipContainer container;

    TimerServiceImpl(SipContainer container) {
        this.container = container;
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession session, long delayMillis, Serializable info) {
        return createTimer(session, delayMillis, 0, info);
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession session, long delayMillis, long periodMillis,
            Serializable info) {
        ApplicationSessionImpl application = (ApplicationSessionImpl) session;
        Delivery delivery = Delivery.current();
        String handler = delivery != null ? delivery.servletName() : application.handler();
        if (handler == null) {
            throw new IllegalStateException("no servlet to deliver the timer to: create it while handling a "
                    + "message, or on an application session that has a SIP session");
        }
        ServletTimerImpl timer = new ServletTimerImpl(application, info, delayMillis, periodMillis, handler);
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
                timer.fired();
                container.servlets().byName(handler).ifPresent(servlet -> container.dispatcher()
                        .execute(application.getId(), () -> container.deliveries().timeout(servlet, timer)));
            }
        };
        timer.schedule(task);
        if (periodMillis > 0) {
            container.timer().scheduleAtFixedRate(task, Math.max(0, delayMillis), periodMillis);
        } else {
            container.timer().schedule(task, Math.max(0, delayMillis));
        }
        return timer;
    }
}
