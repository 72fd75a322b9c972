package allpairs.spark;

import allpairs.plan.Plans;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.compute.TileEmitter;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.plan.TileGroup;
import allpairs.support.TestSpark;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;

/** The partition function creates one scratch and hands that same object to every pair. */
class ScratchReuseTest {
    /** Counts scratch creations and checks every compute call gets the partition's one scratch. */
    static final class CountingKernel implements Kernel<int[]> {
        static final AtomicInteger CREATED = new AtomicInteger();
        static final AtomicInteger COMPUTED = new AtomicInteger();
        static final AtomicInteger FOREIGN_SCRATCH = new AtomicInteger();
        private transient int[] current;

        @Override
        public String name() {
            return "counting";
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
        public int[] newScratch(int n) {
            CREATED.incrementAndGet();
            current = new int[n];
            return current;
        }

        @Override
        public double compute(Rows a, int i, Rows b, int j, int[] scratch) {
            COMPUTED.incrementAndGet();
            if (scratch != current) {
                FOREIGN_SCRATCH.incrementAndGet();
            }
            return i * 1000.0 + j;
        }
    }

    @Test
    void createsOneScratchPerPartitionAndReusesItForEveryPair() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        int m = 47;
        byte[] data = new byte[m * 3];
        new SplittableRandom(5).nextBytes(data);
        Broadcast<Rows> rows = sc.broadcast(ByteRows.rectangular(m, 3, data));
        Plan plan = Plans.create(m, true, 4, 3, 2);
        CountingKernel kernel = new CountingKernel();
        for (TileGroup group : plan.groups()) {
            CountingKernel.CREATED.set(0);
            CountingKernel.COMPUTED.set(0);
            Counters counters = Counters.local();
            Iterator<?> out = new TileTask<>(kernel, TileRows.broadcast(rows, rows), true, counters, null,
                    new TileEmitter.Dense(true)).call(List.of(group).iterator());
            int pieces = 0;
            while (out.hasNext()) {
                out.next();
                pieces++;
            }
            long expectedPairs = 0;
            for (var t : group.tiles()) {
                expectedPairs += t.pairs(true);
            }
            assertThat(pieces).isGreaterThanOrEqualTo(group.size());
            assertThat(CountingKernel.CREATED.get()).isEqualTo(1);
            assertThat(CountingKernel.COMPUTED.get()).isEqualTo(expectedPairs);
            assertThat(counters.scratchCreated()).isEqualTo(1);
            assertThat(counters.pairsComputed()).isEqualTo(expectedPairs);
            assertThat(counters.tilesComputed()).isEqualTo(group.size());
        }
        assertThat(CountingKernel.FOREIGN_SCRATCH.get()).isZero();
        rows.destroy();
    }
}
