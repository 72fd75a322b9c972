package allpairs.run;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only switch: the system property {@code allpairs.test.pauseAt} (a phase name: "plan", "commit")
 * holds the run's thread at that point for up to a minute, logging "test pause at PHASE" first, so a
 * test can send a signal while the driver is exactly there. The pause ends early on a signal. Unset in
 * normal runs, it costs one property read per phase.
 */
final class TestPause {
    static final String PROPERTY = "allpairs.test.pauseAt";
    private static final Logger LOG = LoggerFactory.getLogger(TestPause.class);
    private static final long MAX_SECONDS = 60;

    private TestPause() {
    }

    static void at(String phase) {
        if (!phase.equals(System.getProperty(PROPERTY))) {
            return;
        }
        LOG.info("test pause at {}", phase);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        try {
            while (!SignalGuard.interrupted() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SignalGuard.checkNotInterrupted();
    }
}
