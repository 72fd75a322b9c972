package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Fixtures;
import allpairs.support.SeedReference;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Both paths of the seed kernel, each forced explicitly: the SIMD lanes (the tests' JVM has
 * jdk.incubator.vector, see the pom's argLine) and the scalar fallback. Both must match the literal
 * definition ({@link SeedReference}) and the golden fixtures bit for bit, at the sizes where the
 * lane tails and the diagonal split show, and allocate nothing per pair.
 */
class SeedKernelPathsTest {
    static final List<int[]> SHAPES = Fixtures.SHAPES;

    @Test
    void theTestJvmHasTheVectorModuleSoTheDefaultKernelUsesLanes() {
        assertThat(SeedLanes.AVAILABLE).isTrue();
        assertThat(new SeedKernel().usesLanes()).isTrue();
        assertThat(SeedKernel.on(SeedKernel.Path.SCALAR).usesLanes()).isFalse();
        assertThat(KernelTestSupport.roundTrip(SeedKernel.on(SeedKernel.Path.SCALAR)))
                .isInstanceOfSatisfying(SeedKernel.class, k -> assertThat(k.usesLanes()).isFalse());
    }

    /** Random rows plus all -128, all 127 and all 0: every sign of x[k] + y[k] and the wrap. */
    private static byte[][] rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] rows = new byte[5][n];
        for (int r = 0; r < 2; r++) {
            random.nextBytes(rows[r]);
        }
        Arrays.fill(rows[2], (byte) -128);
        Arrays.fill(rows[3], (byte) 127);
        return rows;
    }

    private static ByteRows flat(byte[][] rows) {
        int n = rows[0].length;
        byte[] data = new byte[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * n, n);
        }
        return ByteRows.rectangular(rows.length, n, data);
    }

    @ParameterizedTest
    @EnumSource(value = SeedKernel.Path.class, names = {"VECTOR", "SCALAR"})
    void matchesTheLiteralDefinitionWhereLaneTailsAndOrderShow(SeedKernel.Path path) {
        SeedKernel kernel = SeedKernel.on(path);
        for (int n : new int[] {1, 2, 3, 8, 9, 63, 64, 65, 200, 256}) {
            byte[][] rows = rows(n, 1000 + n);
            ByteRows data = flat(rows);
            SeedKernel.Scratch scratch = kernel.newScratch(n); // reused across pairs, as on executors
            for (int i = 0; i < rows.length; i++) {
                for (int j = i; j < rows.length; j++) {
                    if (n >= 200 && j > i + 1) {
                        continue; // the literal reference is slow: neighbours and self pairs are enough
                    }
                    double expected = SeedReference.pair(rows[i], rows[j]);
                    assertThat(Double.doubleToRawLongBits(kernel.compute(data, i, data, j, scratch)))
                            .as("%s path, n = %d, pair (%d, %d)", path, n, i, j)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }

    @Test
    void aScratchForLongerRowsServesShorterOnes() {
        SeedKernel kernel = SeedKernel.on(SeedKernel.Path.VECTOR);
        SeedKernel.Scratch scratch = kernel.newScratch(65);
        for (int n : new int[] {65, 17, 64, 8, 65}) {
            byte[][] rows = rows(n, n);
            ByteRows data = flat(rows);
            assertThat(Double.doubleToRawLongBits(kernel.compute(data, 0, data, 1, scratch)))
                    .as("n = %d", n)
                    .isEqualTo(Double.doubleToRawLongBits(SeedReference.pair(rows[0], rows[1])));
        }
    }

    @ParameterizedTest
    @FieldSource("SHAPES")
    void bothPathsMatchEveryGoldenFixtureBitForBit(int[] shape) {
        int m = shape[0];
        int n = shape[1];
        byte[][] rows = Fixtures.int8Rows(Fixtures.input(m, n), m, n);
        ByteRows data = flat(rows);
        double[] golden = Fixtures.float64(Fixtures.output(m, n));
        for (SeedKernel.Path path : new SeedKernel.Path[] {SeedKernel.Path.VECTOR, SeedKernel.Path.SCALAR}) {
            SeedKernel kernel = SeedKernel.on(path);
            SeedKernel.Scratch scratch = kernel.newScratch(n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    assertThat(Double.doubleToRawLongBits(kernel.compute(data, i, data, j, scratch)))
                            .as("%s path, pair (%d, %d)", path, i, j)
                            .isEqualTo(Double.doubleToRawLongBits(golden[i * m + j]));
                }
            }
        }
    }

    /**
     * Zero bytes per pair once compiled: the vector objects must be scalar-replaced by C2. Warm-up
     * passes first (the interpreter does allocate vector boxes), then one counted pass.
     */
    @ParameterizedTest
    @EnumSource(value = SeedKernel.Path.class, names = {"VECTOR", "SCALAR"})
    void allocatesNothingPerPair(SeedKernel.Path path) {
        SeedKernel kernel = SeedKernel.on(path);
        int n = 65;
        ByteRows data = flat(rows(n, 5));
        SeedKernel.Scratch scratch = kernel.newScratch(n);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double sink = 0;
        for (int rep = 0; rep < 400; rep++) {
            sink += kernel.compute(data, rep % 5, data, (rep / 5) % 5, scratch);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        int pairs = 200;
        for (int rep = 0; rep < pairs; rep++) {
            sink += kernel.compute(data, rep % 5, data, (rep / 5) % 5, scratch);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("%s path: bytes over %d pairs (sink %s)", path, pairs, sink).isLessThan(pairs);
    }
}
