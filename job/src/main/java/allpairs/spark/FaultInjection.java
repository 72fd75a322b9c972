package allpairs.spark;

import java.util.Arrays;
import org.apache.spark.TaskContext;

/**
 * Test-only fault switch: the system property {@code allpairs.test.failPartitions} (for example
 * "0,3") makes attempt 0 of those compute partitions throw, so tests can exercise retries and
 * failure handling in a real job. Unset in normal runs, it costs one property read per partition.
 */
final class FaultInjection {
    static final String PROPERTY = "allpairs.test.failPartitions";

    private FaultInjection() {
    }

    static void maybeFail() {
        String spec = System.getProperty(PROPERTY);
        TaskContext task = TaskContext.get();
        if (spec == null || spec.isBlank() || task == null || task.attemptNumber() != 0) {
            return;
        }
        int partition = task.partitionId();
        if (Arrays.stream(spec.split(",")).map(String::trim).anyMatch(p -> p.equals(Integer.toString(partition)))) {
            throw new IllegalStateException("injected failure in partition " + partition + " (" + PROPERTY + ")");
        }
    }
}
