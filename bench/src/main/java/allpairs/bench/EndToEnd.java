package allpairs.bench;

import allpairs.config.JobConfig;
import allpairs.config.OutputConfig;
import allpairs.config.PlanConfig;
import allpairs.io.NpyHeader;
import allpairs.io.NpyMatrixWriter;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.run.Inputs;
import allpairs.run.RunResult;
import allpairs.spark.SparkSessions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./submit.sh bench}: pairs/s of one seeded workload (seed kernel, random int8 rows) as
 * (1) a bare thread pool with one scratch per thread, no Spark, (2) the Spark job in local[1],
 * (3) in local[2], (4) in local[2] computing the full matrix (the kernel wrapped as non-symmetric).
 * Each run is timed from its first job to the
 * last byte of the committed .npy (the job's own {@code seconds}), after an untimed warm-up (JIT,
 * and each Spark session's first job); every output is compared byte for byte with the baseline's.
 * Prints one JSON line per run, then a table and the ratios. ({@link ReadsEndToEnd} is the
 * cheap-kernel case.)
 *
 * <p>Options: {@code --rows M} (default 2000: about a minute or more per run on 2 cores),
 * {@code --cols N} (64), {@code --seed S} (42), {@code --dir DIR} (bench-out), {@code --block-size B}
 * (the job's default).
 */
public final class EndToEnd {
    private EndToEnd() {
    }

    /** One measured configuration. */
    record Run(String name, int threads, boolean symmetric, int m, int n, int matrices, long pairs, double seconds,
               boolean identical) {
        /** Matrix entries produced, mirrored ones included. */
        long entries() {
            return (long) matrices * m * m;
        }

        double pairsPerSecond() {
            return pairs / seconds;
        }

        double entriesPerSecond() {
            return entries() / seconds;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"run\":\"%s\",\"threads\":%d,\"matrix\":\"%s\",\"m\":%d,\"n\":%d,"
                            + "\"pairs\":%d,\"entries\":%d,\"seconds\":%.3f,\"pairs_per_s\":%.1f,\"entries_per_s\":%.1f,"
                            + "\"identical_to_baseline\":%b}", name, threads, symmetric ? "symmetric" : "full", m, n,
                    pairs, entries(), seconds, pairsPerSecond(), entriesPerSecond(), identical);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "--rows M --cols N --seed S --dir DIR --block-size B");
        int m = options.intOr("--rows", 2000);
        int n = options.intOr("--cols", 64);
        long seed = options.longOr("--seed", 42);
        Path dir = options.pathOr("--dir", Path.of("bench-out"));
        Integer blockSize = options.intOrNull("--block-size");
        Files.createDirectories(dir);
        @SuppressWarnings("unchecked")
        Kernel<Object> seedKernel = (Kernel<Object>) Kernels.byName("seed");
        ByteRows rows = randomInt8(m, n, seed);
        Path input = dir.resolve("A_" + m + "x" + n + ".npy");
        writeInt8(rows, m, n, input);

        List<Run> runs = new ArrayList<>();
        Path baselineOut = dir.resolve("baseline.npy");
        baseline(seedKernel, randomInt8(128, n, seed), 2, true, baselineOut); // JIT warm-up, untimed
        runs.add(report(baseline(seedKernel, rows, 2, true, baselineOut)));
        runs.add(report(spark("local[1]", seedKernel, rows, blockSize, input, dir.resolve("local1.npy"), baselineOut)));
        runs.add(report(spark("local[2]", seedKernel, rows, blockSize, input, dir.resolve("local2.npy"), baselineOut)));
        runs.add(report(spark("local[2]", new FullMatrix<>(seedKernel), rows, blockSize, input,
                dir.resolve("local2_full.npy"), baselineOut)));
        printTable(runs);
    }

    private static Run report(Run run) {
        System.out.println(run.json());
        System.out.flush();
        return run;
    }

    /**
     * The bare in-process baseline: a fixed pool, one scratch per thread, rows handed out one at a
     * time, each row through {@code Kernel.computeRow} as the job's tiles call it.
     */
    static <S> Run baseline(Kernel<S> kernel, Rows rows, int threads, boolean symmetric, Path out) throws Exception {
        int m = rows.rows();
        long start = System.nanoTime();
        double[] matrix = new double[Math.multiplyExact(m, m)];
        AtomicInteger nextRow = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    S scratch = kernel.newScratch(rows.maxLength());
                    double unbounded = kernel.kind().unbounded();
                    for (int i = nextRow.getAndIncrement(); i < m; i = nextRow.getAndIncrement()) {
                        int from = symmetric ? i : 0;
                        kernel.computeRow(rows, i, rows, from, m, unbounded, scratch, matrix, i * m + from);
                        for (int j = i + 1; symmetric && j < m; j++) {
                            matrix[j * m + i] = matrix[i * m + j];
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        try (NpyMatrixWriter writer = new NpyMatrixWriter(Files.newOutputStream(out), m, m)) {
            writer.write(matrix, 0, matrix.length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long pairs = symmetric ? (long) m * (m + 1) / 2 : (long) m * m;
        return new Run("baseline", threads, symmetric, m, rows.maxLength(), 1, pairs, seconds, true);
    }

    /** The Spark job in-process on a fresh local session, stopped afterwards. */
    static Run spark(String master, Kernel<?> kernel, Rows rows, Integer blockSize, Path input, Path out, Path expected)
            throws IOException {
        SparkConf conf = new SparkConf(false)
                .setMaster(master)
                .setAppName("allpairs-bench")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        SparkSession spark = SparkSessions.start(conf);
        try {
            // Untimed warm-up on the first rows: the session's first job loads and compiles Spark's code.
            int few = Math.min(rows.rows(), 32);
            ByteRows head = randomInt8(few, rows.maxLength(), 1);
            OutputConfig replace = new OutputConfig(out.toAbsolutePath().toString(), null, true, null, null);
            JobConfig warmUp = JobConfig.of(input.toString(), replace.path(), kernel.name(), null, null).with(replace);
            allpairs.run.Run.on(spark, warmUp, new Inputs(kernel, Kernels.parse(kernel, List.of()), head, null),
                    System.err);
            JobConfig spec = warmUp.with(PlanConfig.of(blockSize, null));
            RunResult result = allpairs.run.Run.on(spark, spec, new Inputs(kernel, Kernels.parse(kernel, List.of()), rows,
                    null), System.err);
            boolean identical = Files.mismatch(out, expected) == -1;
            int threads = Integer.parseInt(master.replaceAll("\\D", ""));
            return new Run("spark " + master, threads, kernel.symmetric(), rows.rows(), rows.maxLength(), 1,
                    result.plan().pairs(), result.seconds(), identical);
        } finally {
            spark.stop();
        }
    }

    static ByteRows randomInt8(int m, int n, long seed) {
        byte[] data = new byte[Math.multiplyExact(m, n)];
        new SplittableRandom(seed).nextBytes(data); // as GenerateInput does
        return ByteRows.rectangular(m, n, data);
    }

    static void writeInt8(ByteRows rows, int m, int n, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            os.write(NpyHeader.encode("|i1", new long[] {m, n}));
            os.write(rows.data());
        }
    }

    private static void printTable(List<Run> runs) {
        System.out.println();
        System.out.println("| run | threads | matrix | m | n | pairs | seconds | pairs/s | entries/s | same bytes |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---|");
        List<Run> all = new ArrayList<>(runs);
        for (Run r : all) {
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %d | %.1f | %.0f | %.0f | %s |%n", r.name(),
                    r.threads(), r.symmetric() ? "symmetric" : "full", r.m(), r.n(), r.pairs(), r.seconds(),
                    r.pairsPerSecond(), r.entriesPerSecond(), r.identical() ? "yes" : "NO");
        }
        Run baseline = runs.get(0);
        Run local1 = runs.get(1);
        Run local2 = runs.get(2);
        Run full = runs.get(3);
        System.out.println();
        System.out.printf(Locale.ROOT, "Spark overhead: local[2] / baseline (pairs/s) = %.3f (target >= 0.90)%n",
                local2.pairsPerSecond() / baseline.pairsPerSecond());
        System.out.printf(Locale.ROOT,
                "symmetric speed-up: local[2] symmetric / full (entries/s) = %.3f (target >= 1.9)%n",
                local2.entriesPerSecond() / full.entriesPerSecond());
        System.out.printf(Locale.ROOT, "2-thread scaling: local[2] / local[1] (pairs/s) = %.3f%n",
                local2.pairsPerSecond() / local1.pairsPerSecond());
        boolean allIdentical = all.stream().allMatch(Run::identical);
        System.out.println(allIdentical ? "every Spark output is byte-identical to the baseline's"
                : "OUTPUTS DIFFER from the baseline");
    }

    /** The kernel as non-symmetric: the job then computes all m × m pairs (the full-matrix comparison). */
    static final class FullMatrix<S> implements Kernel<S> {
        private static final long serialVersionUID = 1L;
        private final Kernel<S> inner;

        FullMatrix(Kernel<S> inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public ElementType elementType() {
            return inner.elementType();
        }

        @Override
        public boolean symmetric() {
            return false;
        }

        @Override
        public KernelKind kind() {
            return inner.kind();
        }

        @Override
        public S newScratch(int maxLength) {
            return inner.newScratch(maxLength);
        }

        @Override
        public double compute(Rows a, int i, Rows b, int j, S scratch) {
            return inner.compute(a, i, b, j, scratch);
        }
    }
}
