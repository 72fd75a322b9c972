package allpairs.bench;

import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.kernel.SeedKernel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per pair of every built-in kernel, called as the job calls it ({@code Kernel.compute} on
 * rows, one scratch reused for every pair). One operation is one pair; run with {@code -prof gc}
 * for the allocation per pair ({@code gc.alloc.rate.norm}, which must stay below 1 B/op).
 * {@link KernelBenchMain} runs this and prints ns/pair and cells/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
// --add-modules: the seed kernel's SIMD path (seed:N); seed-scalar:N forces its scalar fallback
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class KernelBench {
    /** ROWS distinct rows; the benchmark cycles through every (i, j) with i != j. */
    static final int ROWS = 8;

    /** KERNEL:LENGTH[:window] — see {@link Case}. */
    @Param({"seed:32", "seed:64", "seed:128", "seed-scalar:64", "seed-scalar:128", "seed-literal:64", "seed-literal:128",
            "levenshtein:100", "levenshtein:1000",
            "nw:100", "nw:1000",
            "sw:100", "sw:1000",
            "dtw:128", "dtw:1024", "dtw:128:10", "dtw:1024:10",
            "mi:1000", "mi:10000"})
    public String kernelCase;

    private Kernel<Object> kernel;
    private Rows rows;
    private Object scratch;
    private int[] pairI;
    private int[] pairJ;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Case c = Case.parse(kernelCase);
        kernel = (Kernel<Object>) (c.kernel().equals("seed-literal") ? new LiteralSeedKernel()
                : c.kernel().equals("seed-scalar") ? SeedKernel.on(SeedKernel.Path.SCALAR)
                : Kernels.configured(c.kernel(), c.params()));
        rows = randomRows(c.kernel(), ROWS, c.length(), 42);
        scratch = kernel.newScratch(rows.maxLength());
        pairI = new int[ROWS * (ROWS - 1)];
        pairJ = new int[pairI.length];
        int p = 0;
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < ROWS; j++) {
                if (i != j) {
                    pairI[p] = i;
                    pairJ[p++] = j;
                }
            }
        }
    }

    @Benchmark
    public double pair() {
        int p = next;
        next = p + 1 == pairI.length ? 0 : p + 1;
        return kernel.compute(rows, pairI[p], rows, pairJ[p], scratch);
    }

    /**
     * Seeded random rows of the kernel's element type: int8 for seed, ACGT for the sequence
     * kernels, a Gaussian random walk for dtw, bytes 0..255 for mi.
     */
    static Rows randomRows(String kernel, int m, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        switch (kernel) {
            case "dtw": {
                double[] data = new double[m * n];
                for (int i = 0; i < m; i++) {
                    double v = 0;
                    for (int k = 0; k < n; k++) {
                        v += random.nextDouble() - 0.5;
                        data[i * n + k] = v;
                    }
                }
                return DoubleRows.rectangular(m, n, data);
            }
            case "levenshtein":
            case "nw":
            case "sw": {
                byte[] acgt = {'A', 'C', 'G', 'T'};
                byte[] data = new byte[m * n];
                for (int k = 0; k < data.length; k++) {
                    data[k] = acgt[random.nextInt(4)];
                }
                return ByteRows.rectangular(m, n, data);
            }
            default: {
                byte[] data = new byte[m * n];
                random.nextBytes(data);
                return ByteRows.rectangular(m, n, data);
            }
        }
    }

    /** One benchmark case: kernel, row length, optional dtw window, and its work per pair. */
    record Case(String kernel, int length, Integer window) {
        static Case parse(String s) {
            String[] p = s.split(":");
            return new Case(p[0], Integer.parseInt(p[1]), p.length > 2 ? Integer.valueOf(p[2]) : null);
        }

        List<String> params() {
            return window == null ? List.of() : List.of("window=" + window);
        }

        /** Work units per pair: DP cells evaluated (seed: n^2 scratch cells; mi: row elements). */
        long cells() {
            long n = length;
            switch (kernel) {
                case "seed":
                case "seed-scalar":
                case "seed-literal":
                    return n * n;
                case "mi":
                    return n;
                case "dtw":
                    if (window != null) {
                        long cells = 0;
                        for (long i = 1; i <= n; i++) {
                            cells += Math.min(n, i + window) - Math.max(1, i - window) + 1;
                        }
                        return cells;
                    }
                    return n * n;
                default:
                    return n * n;
            }
        }

        /** Innermost steps per pair: n^3 for seed, the cells otherwise. */
        long steps() {
            return kernel.startsWith("seed") ? (long) length * length * length : cells();
        }
    }
}
