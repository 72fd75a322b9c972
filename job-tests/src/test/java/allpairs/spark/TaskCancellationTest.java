package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.compute.TileEmitter;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.plan.Plans;
import allpairs.support.TestSpark;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;

/**
 * A cancelled job's task stops at its next tile instead of computing the rest of its tile group: Spark
 * fails the job at once, but the task's thread runs on until it checks, and a session stopped (or a
 * broadcast destroyed) under it is what printed Spark's errors after a signal.
 */
class TaskCancellationTest {
    /**
     * A slow kernel (a millisecond a pair) that counts its pairs in this JVM (local mode). The counter lives in
     * the system properties: the executor loads this class again in a class loader of its own.
     */
    static final class SlowKernel implements Kernel<Void> {
        static final AtomicLong COMPUTED = (AtomicLong) System.getProperties()
                .computeIfAbsent("allpairs.test.slowKernelPairs", k -> new AtomicLong());

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public boolean symmetric() {
            return true;
        }

        @Override
        public ElementType elementType() {
            return ElementType.INT8;
        }

        @Override
        public KernelKind kind() {
            return KernelKind.SCORE;
        }

        @Override
        public Void newScratch(int n) {
            return null;
        }

        @Override
        public double compute(Rows a, int i, Rows b, int j, Void scratch) {
            COMPUTED.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i + j;
        }
    }

    @Test
    void aCancelledTaskStopsAtItsNextTile() throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        int m = 96;
        Broadcast<Rows> rows = sc.broadcast(ByteRows.rectangular(m, 2, new byte[m * 2]));
        Plan plan = Plans.create(m, true, 4, 1, 1); // one task: one group of 24 * 25 / 2 tiles of 4 x 4
        long total = (long) m * (m + 1) / 2;
        SlowKernel.COMPUTED.set(0);
        CompletableFuture<Long> job = CompletableFuture.supplyAsync(() -> {
            sc.setJobGroup("cancel-test", "a job cancelled mid-group", false);
            return sc.parallelize(plan.groups(), 1).mapPartitionsToPair(new TileTask<>(new SlowKernel(),
                    TileRows.broadcast(rows, rows), true, Counters.register(sc.sc()), null, new TileEmitter.Dense(true))).count();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (SlowKernel.COMPUTED.get() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(job).as("still running when cancelled").isNotDone();
        sc.cancelJobGroup("cancel-test");
        assertThat(job).failsWithin(60, TimeUnit.SECONDS);
        assertThat(TaskDrain.awaitIdle(sc.sc(), 60)).as("the task ended").isTrue();
        long computed = SlowKernel.COMPUTED.get();
        assertThat(computed).as("pairs computed of " + total).isLessThan(total / 4);
        Thread.sleep(200);
        assertThat(SlowKernel.COMPUTED.get()).as("nothing computed once idle").isEqualTo(computed);
        rows.destroy();
    }
}
