package allpairs.bench;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import java.util.Arrays;
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
 * One tile of sw/nw (BLOSUM62, -10/-1): {@link #ROWS} query rows against {@link #COLS} columns,
 * lengths log-uniform in 100..2,000 ({@code mixed}) or all 300 ({@code equal}); one operation is the
 * tile. {@code layout=row}: each tile row in one {@code computeRow} (the lanes refilled as their
 * columns end); {@code layout=groups16}: the columns sorted longest first and passed 16 at a time,
 * which is the fixed 16-bit groups nw (and sw's 16-bit lanes) ran before issue 30, measured in the
 * same run. Cells per tile are printed at setup: cells/s = cells / (s/op).
 * {@code java -jar bench/target/benchmarks.jar MixedAlignmentBench -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class MixedAlignmentBench {
    static final int ROWS = 8;
    static final int COLS = 128;
    static final int GROUP = 16;

    @Param({"sw", "nw"})
    public String kernelName;
    @Param({"mixed", "equal"})
    public String lengths;
    @Param({"row", "groups16"})
    public String layout;

    private Kernel<Object> kernel;
    private ByteRows rows;
    private Object scratch;
    private double[] out;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        kernel = (Kernel<Object>) Kernels.configured(kernelName,
                List.of("matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1"));
        rows = lengths.equals("equal") ? Proteins.fixedLength(ROWS + COLS, 300, 42) : mixed(ROWS + COLS, 42);
        scratch = kernel.newScratch(rows.maxLength());
        out = new double[COLS];
        double cells = 0;
        for (int i = 0; i < ROWS; i++) {
            for (int j = ROWS; j < ROWS + COLS; j++) {
                cells += (double) rows.length(i) * rows.length(j);
            }
        }
        System.out.printf("%n%s %s: %.4e cells per tile%n", kernelName, lengths, cells);
    }

    /** Lengths log-uniform in 100..2000; the columns (after the ROWS query rows) sorted longest first. */
    static ByteRows mixed(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Integer[] lens = new Integer[m];
        for (int i = 0; i < m; i++) {
            lens[i] = (int) Math.round(100 * Math.pow(20, rnd.nextDouble()));
        }
        Arrays.sort(lens, ROWS, m, (a, b) -> b - a);
        int[] l = new int[m];
        for (int i = 0; i < m; i++) {
            l[i] = lens[i];
        }
        return Proteins.withLengths(l, rnd);
    }

    @Benchmark
    public double tile() {
        int step = layout.equals("row") ? COLS : GROUP;
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < COLS; c += step) {
                kernel.computeRow(rows, i, rows, ROWS + c, ROWS + Math.min(COLS, c + step), Double.NEGATIVE_INFINITY,
                        scratch, out, c);
            }
        }
        return out[COLS - 1];
    }
}
