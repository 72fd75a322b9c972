package allpairs.bench;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import java.util.List;
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
 * nw and sw with BLOSUM62 (gap-open -10, gap-extend -1) on protein-like rows of one length, as the
 * tile calls them: {@code computeRow}, one query row against {@link #COLS} columns (the SIMD
 * lanes), and {@code compute}, one pair in the double DP (the path before the integer one). One
 * operation is one pair: cells/s = length² / (ns/op) × 1e9. Run in one invocation so the ratio
 * of the two is measured under the same load:
 * {@code java -jar bench/target/benchmarks.jar AlignmentBench -prof gc}.
 * {@link AlignmentScalarBench} is the same without the Vector API (the scalar 32-bit fallback).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class AlignmentBench {
    /** Columns per computeRow call: two groups of 32 lanes (AVX-512) or four of 16. */
    static final int COLS = 64;

    @Param({"sw:300", "sw:1000", "nw:300", "nw:1000"})
    public String alignCase;

    private Kernel<Object> kernel;
    private ByteRows rows;
    private Object scratch;
    private double[] out;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        String[] c = alignCase.split(":");
        kernel = (Kernel<Object>) Kernels.configured(c[0], List.of("matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1"));
        rows = Proteins.fixedLength(COLS + 1, Integer.parseInt(c[1]), 42);
        scratch = kernel.newScratch(rows.maxLength());
        out = new double[COLS];
    }

    @Benchmark
    @OperationsPerInvocation(COLS)
    public double computeRow() {
        kernel.computeRow(rows, COLS, rows, 0, COLS, Double.NEGATIVE_INFINITY, scratch, out, 0);
        return out[COLS - 1];
    }

    @Benchmark
    public double computePair() {
        int j = next;
        next = j + 1 == COLS ? 0 : j + 1;
        return kernel.compute(rows, COLS, rows, j, scratch);
    }
}
