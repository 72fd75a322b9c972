package allpairs.run;

import java.lang.management.ManagementFactory;

/** The process's own clock: seconds since this JVM started (what a user of the command line waits). */
final class ProcessClock {
    private ProcessClock() {
    }

    static double secondsSinceStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    }
}
