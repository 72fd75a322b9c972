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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per pair of every built-in kernel, called as the job's tiles call it: {@code Kernel.computeRow}
 * for one row against a tile row of {@link #COLS} other rows, one scratch reused. JMH scores one pair
 * ({@code @OperationsPerInvocation}); run with {@code -prof gc} for the allocation per pair
 * ({@code gc.alloc.rate.norm}, which must stay below 1 B/op). {@link KernelBenchMain} runs this and
 * prints ns/pair and cells/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
// --add-modules: the seed kernel's SIMD path (seed:N); seed-scalar:N forces its scalar fallback
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class KernelBench {
    /** ROWS row-side rows, taken in turn, each against the same COLS column-side rows (other seeds). */
    static final int ROWS = 8;
    static final int COLS = 16;

    /**
     * KERNEL:LENGTH[:window | :bound=X | :qNN] — see {@link Case}. {@code dtw-ragged}: dtw on random walks of
     * lengths LENGTH/2 .. 3·LENGTH/2; {@code qNN}: the bound is the NN% quantile of the case's own distances
     * (what {@code --keep below=X} at that quantile passes), the same rows as the unbounded peer.
     */
    @Param({"seed:32", "seed:64", "seed:128", "seed-scalar:64", "seed-scalar:128", "seed-literal:64", "seed-literal:128",
            "levenshtein:50", "levenshtein:50:bound=3", "levenshtein:100", "levenshtein:1000",
            "levenshtein-scalar:50", "levenshtein-scalar:100",
            "levenshtein-dp:50", "levenshtein-dp:100", "levenshtein-dp:1000",
            "nw:100", "nw:1000",
            "sw:100", "sw:1000",
            "dtw:128", "dtw:1024", "dtw:128:10", "dtw:1024:10",
            "dtw:128:12", "dtw-scalar:128", "dtw-scalar:128:12", "dtw-plain:128", "dtw-plain:128:12",
            "dtw-ragged:256", "dtw-ragged:256:q10", "dtw-ragged:256:q50", "dtw-ragged:1024", "dtw-ragged:1024:q10",
            "mi:1000", "mi:10000"})
    public String kernelCase;

    private Kernel<Object> kernel;
    private Rows rows;
    private Rows cols;
    private double bound;
    private Object scratch;
    private final double[] out = new double[COLS];
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Case c = Case.parse(kernelCase);
        kernel = (Kernel<Object>) switch (c.kernel()) {
            case "seed-literal" -> new LiteralSeedKernel();
            case "seed-scalar" -> SeedKernel.on(SeedKernel.Path.SCALAR);
            case "levenshtein-dp" -> new DpLevenshteinKernel();
            // its fork runs with -Dallpairs.levenshtein.scalar=true (KernelBenchMain): no SIMD lanes
            case "levenshtein-scalar" -> Kernels.configured("levenshtein", c.params());
            case "dtw-ragged" -> Kernels.configured("dtw", c.params());
            // its fork runs with -Dallpairs.dtw.scalar=true (KernelBenchMain): no SIMD lanes
            case "dtw-scalar" -> Kernels.configured("dtw", c.params());
            case "dtw-plain" -> new PlainDtwKernel(c.window() == null ? Integer.MAX_VALUE : c.window());
            default -> Kernels.configured(c.kernel(), c.params());
        };
        rows = randomRows(c.kernel(), ROWS, c.length(), 42);
        cols = randomRows(c.kernel(), COLS, c.length(), 43);
        scratch = kernel.newScratch(Math.max(rows.maxLength(), cols.maxLength()));
        bound = c.bound() != null ? c.bound() : c.quantile() != null ? quantile(c.quantile()) : kernel.kind().unbounded();
    }

    /** The q% quantile of this case's exact values (rows × cols). */
    private double quantile(int q) {
        double[] all = new double[ROWS * COLS];
        for (int i = 0; i < ROWS; i++) {
            kernel.computeRow(rows, i, cols, 0, COLS, kernel.kind().unbounded(), scratch, all, i * COLS);
        }
        java.util.Arrays.sort(all);
        return all[Math.min(all.length - 1, all.length * q / 100)];
    }

    /** One tile row: row {@code next} against every column row (COLS pairs, scored per pair). */
    @Benchmark
    @OperationsPerInvocation(COLS)
    public double tileRow() {
        int i = next;
        next = i + 1 == ROWS ? 0 : i + 1;
        kernel.computeRow(rows, i, cols, 0, COLS, bound, scratch, out, 0);
        return out[i];
    }

    /**
     * Seeded random rows of the kernel's element type: int8 for seed, ACGT for the sequence
     * kernels, a Gaussian random walk for dtw, bytes 0..255 for mi.
     */
    static Rows randomRows(String kernel, int m, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        switch (kernel) {
            case "dtw-ragged": {
                double[][] walks = new double[m][];
                for (int i = 0; i < m; i++) {
                    walks[i] = walk(random, random.nextInt(n / 2, n + n / 2 + 1));
                }
                return KernelBenchRows.ragged(walks);
            }
            case "dtw":
            case "dtw-scalar":
            case "dtw-plain": {
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
            case "levenshtein-scalar":
            case "levenshtein-dp":
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

    private static double[] walk(SplittableRandom random, int length) {
        double[] w = new double[length];
        double v = 0;
        for (int k = 0; k < length; k++) {
            v += random.nextDouble() - 0.5;
            w[k] = v;
        }
        return w;
    }

    /**
     * One benchmark case: kernel, row length, optional dtw window or bound (passed to computeRow,
     * e.g. {@code levenshtein:50:bound=3}), and its work per pair.
     */
    record Case(String kernel, int length, Integer window, Double bound, Integer quantile) {
        static Case parse(String s) {
            String[] p = s.split(":");
            String extra = p.length > 2 ? p[2] : null;
            boolean isBound = extra != null && extra.startsWith("bound=");
            boolean isQuantile = extra != null && extra.startsWith("q");
            return new Case(p[0], Integer.parseInt(p[1]),
                    extra == null || isBound || isQuantile ? null : Integer.valueOf(extra),
                    isBound ? Double.valueOf(extra.substring("bound=".length())) : null,
                    isQuantile ? Integer.valueOf(extra.substring(1)) : null);
        }

        List<String> params() {
            return window == null ? List.of() : List.of("window=" + window);
        }

        /**
         * Work units per pair: DP cells (seed: n^2 scratch cells; mi: row elements; a bounded case: the cells it
         * stands for; dtw-ragged: n^2, about the mean of len_a·len_b).
         */
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
                case "dtw-scalar":
                case "dtw-plain":
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
