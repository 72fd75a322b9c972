package allpairs.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./submit.sh jmh [JMH options]}: runs {@link KernelBench} with the GC profiler, then prints
 * a table of ns/pair, bytes allocated per pair, pairs/s and cells/s, and the seed n^3 check.
 * Exits 1 when any case allocates 1 byte or more per pair, or has no result (its JMH fork failed: JMH
 * itself returns normally then). JMH options pass through
 * (e.g. {@code -p kernelCase=seed:64 -wi 1 -i 2}).
 */
public final class KernelBenchMain {
    private KernelBenchMain() {
    }

    /** JMH's own bookkeeping allocates about 6 KB per iteration: enough pairs per iteration keep it under 1 B/pair. */
    static final long PAIRS_PER_ITERATION = 12_000;
    /** Keeps the calibration's results alive. */
    static volatile double blackhole;

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        Collection<String> cases = cmd.getParameter("kernelCase").hasValue()
                ? cmd.getParameter("kernelCase").get()
                : List.of(KernelBench.class.getField("kernelCase").getAnnotation(Param.class).value());
        List<RunResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String kernelCase : cases) {
            OptionsBuilder builder = new OptionsBuilder();
            builder.parent(cmd).addProfiler(GCProfiler.class).param("kernelCase", kernelCase);
            if (cmd.getIncludes().isEmpty()) {
                builder.include(KernelBench.class.getName() + ".tileRow");
            }
            if (!cmd.getMeasurementTime().hasValue()) {
                // Slow pairs (milliseconds) need long iterations, or the harness's bytes dominate B/pair.
                double seconds = Math.min(60, Math.max(2, PAIRS_PER_ITERATION * estimateNanos(kernelCase) / 1e9));
                builder.measurementTime(TimeValue.milliseconds((long) (seconds * 1000)));
                if (!cmd.getWarmupTime().hasValue()) {
                    builder.warmupTime(TimeValue.milliseconds((long) (Math.min(seconds, 10) * 1000)));
                }
            }
            if (kernelCase.startsWith("levenshtein-scalar:")) {
                // the same JVM flags as KernelBench's @Fork, with the levenshtein lanes turned off
                builder.jvmArgsAppend("-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector",
                        "-Dallpairs.levenshtein.scalar=true");
            }
            if (kernelCase.startsWith("dtw-scalar:")) { // the dtw lanes turned off
                builder.jvmArgsAppend("-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector",
                        "-Dallpairs.dtw.scalar=true");
            }
            Options options = builder.build();
            Collection<RunResult> run = new Runner(options).run();
            if (run.isEmpty()) { // JMH reports a failed fork on stderr and returns no result, not an error
                missing.add(kernelCase);
            }
            results.addAll(run);
        }

        Map<String, double[]> rows = new LinkedHashMap<>(); // case -> {ns, err, bytes}
        for (RunResult r : results) {
            String kernelCase = r.getParams().getParam("kernelCase");
            Result<?> primary = r.getPrimaryResult();
            rows.put(kernelCase, new double[] {primary.getScore(), primary.getScoreError(), allocPerOp(r)});
        }
        System.out.println();
        System.out.println("| case | ns/pair | B/pair | pairs/s | cells/pair | cells/s | steps/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        List<String> failures = new ArrayList<>();
        missing.forEach(c -> failures.add(c + " has no result (its benchmark failed)"));
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            KernelBench.Case c = KernelBench.Case.parse(e.getKey());
            double ns = e.getValue()[0];
            double bytes = e.getValue()[2];
            double pairsPerS = 1e9 / ns;
            System.out.printf(Locale.ROOT, "| %s | %s ± %s | %s | %s | %d | %s | %s |%n", e.getKey(), sig(ns),
                    sig(e.getValue()[1]), Double.isNaN(bytes) ? "?" : String.format(Locale.ROOT, "%.3f", bytes),
                    sig(pairsPerS), c.cells(), sci(pairsPerS * c.cells()), sci(pairsPerS * c.steps()));
            if (!(bytes < 1.0)) {
                failures.add(e.getKey() + " allocates " + bytes + " B/pair");
            }
        }
        double[] s64 = rows.get("seed:64");
        double[] s128 = rows.get("seed:128");
        if (s64 != null && s128 != null) {
            System.out.printf(Locale.ROOT, "%nseed n=64 -> 128: time per pair x%.2f (n^3 predicts 8; accepted 6..10)%n",
                    s128[0] / s64[0]);
        }
        for (String n : new String[] {"64", "128"}) {
            double[] scalar = rows.get("seed-scalar:" + n);
            double[] lanes = rows.get("seed:" + n);
            if (scalar != null && lanes != null) {
                System.out.printf(Locale.ROOT, "seed n=%s: SIMD lanes %.2fx faster than the scalar path%n", n,
                        scalar[0] / lanes[0]);
            }
            double[] literal = rows.get("seed-literal:" + n);
            double[] jammed = rows.get("seed-scalar:" + n);
            if (literal != null && jammed != null) {
                System.out.printf(Locale.ROOT, "seed n=%s: scalar unroll-and-jam %.2fx faster than the literal loops%n", n,
                        literal[0] / jammed[0]);
            }
        }
        for (String n : new String[] {"50", "100", "1000"}) {
            double[] dp = rows.get("levenshtein-dp:" + n);
            double[] bits = rows.get("levenshtein:" + n);
            double[] scalarBits = rows.get("levenshtein-scalar:" + n);
            if (scalarBits != null && bits != null) {
                System.out.printf(Locale.ROOT, "levenshtein %sx%s: SIMD lanes %.2fx faster than the scalar bit-parallel"
                        + " path%n", n, n, scalarBits[0] / bits[0]);
            }
            if (dp != null && bits != null) {
                System.out.printf(Locale.ROOT, "levenshtein %sx%s: bit-parallel %.1fx faster than the two-row DP%n", n, n,
                        dp[0] / bits[0]);
            }
        }
        for (String band : new String[] {"", ":12"}) {
            double[] plain = rows.get("dtw-plain:128" + band);
            for (String path : new String[] {"dtw", "dtw-scalar"}) {
                double[] ours = rows.get(path + ":128" + band);
                if (plain != null && ours != null) {
                    System.out.printf(Locale.ROOT, "%s:128%s: %.2fx the cell rate of the plain (numba-style) loop%n",
                            path, band, plain[0] / ours[0]);
                }
            }
        }
        for (String n : new String[] {"256", "1024"}) {
            double[] unbounded = rows.get("dtw-ragged:" + n);
            for (String q : new String[] {"q10", "q50"}) {
                double[] bounded = rows.get("dtw-ragged:" + n + ":" + q);
                if (unbounded != null && bounded != null) {
                    System.out.printf(Locale.ROOT, "dtw, unequal lengths around %s, bound at the %s%% quantile"
                            + " (--keep below): %.2fx the pairs/s of the unbounded run%n", n, q.substring(1),
                            unbounded[0] / bounded[0]);
                }
            }
        }
        if (!failures.isEmpty()) {
            System.out.println("FAILED (a case with no result, or allocating 1 B/pair or more): " + failures);
            System.exit(1);
        }
        System.out.println("allocation check passed: every case < 1 B/pair");
    }

    /** A rough time per pair (after a short warm-up, in this JVM) to size the iterations. */
    static double estimateNanos(String kernelCase) {
        KernelBench bench = new KernelBench();
        bench.kernelCase = kernelCase;
        bench.setUp();
        double sink = 0;
        long start = System.nanoTime();
        long deadline = start + 1_000_000_000L;
        long half = start + 500_000_000L;
        long measuredFrom = 0;
        long pairs = 0;
        long now;
        do {
            sink += bench.tileRow();
            now = System.nanoTime();
            if (measuredFrom == 0 && now >= half) {
                measuredFrom = now;
            } else if (measuredFrom != 0) {
                pairs++;
            }
        } while (now < deadline);
        blackhole = sink;
        return pairs == 0 ? (now - start) / (double) KernelBench.COLS
                : (double) (now - measuredFrom) / (pairs * KernelBench.COLS);
    }

    /** gc.alloc.rate.norm (JMH before 1.33 prefixed it with a middle dot). */
    private static double allocPerOp(RunResult r) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    private static String sig(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
