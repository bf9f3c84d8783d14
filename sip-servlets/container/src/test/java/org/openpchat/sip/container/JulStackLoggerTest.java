package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JulStackLoggerTest {

    private final Logger log = Logger.getLogger("org.openpchat.sip.jainsip");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void capture() {
        previous = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(handler);
    }

    @AfterEach
    void release() {
        log.removeHandler(handler);
        log.setLevel(previous);
    }

    @Test
    void theEventThreadsInterruptAtStopIsNoWarning() {
        new JulStackLogger().logError(JulStackLogger.EVENT_THREAD_INTERRUPTED, new InterruptedException());
        assertThat(records).extracting(LogRecord::getLevel).containsOnly(Level.FINE);
    }

    @Test
    void anyOtherErrorIsOneWarningLineWithTheTraceAtFine() {
        new JulStackLogger().logError(JulStackLogger.EVENT_THREAD_INTERRUPTED, new IllegalStateException("broken"));
        new JulStackLogger().logError("Unexpected exception caught while delivering event", new InterruptedException());
        assertThat(records).extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.FINE, Level.WARNING, Level.FINE);
        assertThat(records.get(0).getMessage()).contains("broken");
    }
}
