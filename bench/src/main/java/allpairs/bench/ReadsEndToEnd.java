package allpairs.bench;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * {@code ./submit.sh bench reads}: a cheap kernel end to end. Levenshtein on generated reads
 * ({@link ReadFamilies}: 8,000 reads of 50 over ACGT by default), all pairs, as (1) the bare thread
 * pool (2 threads, {@code computeRow} per row, the same .npy written), (2) the job at local[2]
 * writing the dense .npy, (3) the job at local[2] with {@code --keep below=CUTOFF}, (4) RapidFuzz's
 * {@code process.cdist} with 2 workers, dense and with {@code score_cutoff}, in memory
 * ({@code bench/rapidfuzz_cdist.py}, run when Python with rapidfuzz and numpy is installed; it also
 * checks both job outputs against its matrix). The job runs through the command line in this JVM
 * after untimed warm-up runs (dense and with the bound, on the first 1,000 reads); its time is its summary's {@code seconds}. Spark's event log of each
 * run gives the stage times, printed after the table.
 *
 * <p>Options: {@code --reads M} (8000), {@code --length N} (50), {@code --family F} (20 reads per
 * family), {@code --cutoff X} (3), {@code --seed S} (42), {@code --dir DIR} (bench-out/reads),
 * {@code --python CMD} (python3).
 */
public final class ReadsEndToEnd {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads of the untimed warm-up runs (enough pairs for C2 to compile the kernel's loops). */
    private static final int WARM_READS = 1000;

    private ReadsEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args,
                "--reads M --length N --family F --cutoff X --seed S --dir DIR --python CMD");
        int reads = options.intOr("--reads", 8000);
        int length = options.intOr("--length", 50);
        int family = options.intOr("--family", 20);
        int cutoff = options.intOr("--cutoff", 3);
        long seed = options.longOr("--seed", 42);
        Path dir = options.pathOr("--dir", Path.of("bench-out", "reads"));
        String python = options.stringOr("--python", "python3");
        Files.createDirectories(dir);
        byte[][] generated = ReadFamilies.generate(reads, length, family, seed);
        Path input = dir.resolve("reads.txt");
        ReadFamilies.writeText(generated, input);
        Path warmInput = dir.resolve("warm.txt");
        ReadFamilies.writeText(Arrays.copyOf(generated, Math.min(reads, WARM_READS)), warmInput);
        @SuppressWarnings("unchecked")
        Kernel<Object> kernel = (Kernel<Object>) Kernels.byName("levenshtein");
        ByteRows rows = KernelBenchRows.ragged(generated);

        Path baselineOut = dir.resolve("baseline.npy");
        EndToEnd.baseline(kernel, KernelBenchRows.ragged(Arrays.copyOf(generated, Math.min(reads, WARM_READS))), 2, true,
                baselineOut); // JIT warm-up, untimed
        EndToEnd.Run pool = EndToEnd.baseline(kernel, rows, 2, true, baselineOut);
        System.out.println(pool.json());
        // untimed: Spark's and the JIT's first run, of both paths (the dense and the bounded kernel loops)
        job(dir, "warm", warmInput, dir.resolve("warm.npy"), List.of(), Map.of());
        job(dir, "warm-keep", warmInput, dir.resolve("warm-edges.npy"), List.of("--keep", "below=" + cutoff), Map.of());
        JsonNode streamed = job(dir, "dense-via-driver", input, dir.resolve("dense-via-driver.npy"), List.of(),
                Map.of("spark.allpairs.npy.inPlace", "false"));
        JsonNode dense = job(dir, "dense", input, dir.resolve("dense.npy"), List.of(), Map.of());
        boolean sameAsPool = Files.mismatch(dir.resolve("dense.npy"), baselineOut) == -1
                && Files.mismatch(dir.resolve("dense-via-driver.npy"), baselineOut) == -1;
        JsonNode kept = job(dir, "keep", input, dir.resolve("edges.npy"), List.of("--keep", "below=" + cutoff),
                Map.of());
        JsonNode peer = rapidFuzz(python, input, cutoff, dir);
        report(pool, dense, streamed, kept, sameAsPool, peer, cutoff);
        EventLogStages.print("local[2] dense", dense.path("seconds").asDouble(), EventLogStages.read(dir.resolve("events-dense")));
        EventLogStages.print("local[2] dense, bands through the driver", streamed.path("seconds").asDouble(),
                EventLogStages.read(dir.resolve("events-dense-via-driver")));
        EventLogStages.print("local[2] --keep below=" + cutoff, kept.path("seconds").asDouble(),
                EventLogStages.read(dir.resolve("events-keep")));
    }

    /**
     * One job through the command line at local[2] (plus {@code settings}), its event log in
     * DIR/events-NAME; returns its summary.
     */
    static JsonNode job(Path dir, String name, Path input, Path output, List<String> extra,
                        Map<String, String> settings) throws IOException {
        Path events = dir.resolve("events-" + name);
        if (Files.isDirectory(events)) {
            try (var old = Files.list(events)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(events);
        Map<String, String> conf = BenchJob.localConf("allpairs-bench-reads", settings);
        // one plain JSON-lines file, as Spark 3.5 writes by default (Spark 4 rolls and compresses it)
        conf.putAll(Map.of("spark.eventLog.enabled", "true", "spark.eventLog.rolling.enabled", "false",
                "spark.eventLog.compress", "false", "spark.eventLog.dir", events.toAbsolutePath().toUri().toString()));
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
                "--kernel", "levenshtein", "--overwrite"));
        args.addAll(extra);
        long start = System.nanoTime();
        String summary = BenchJob.summaryLine("job " + name, args, conf);
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "{\"run\":\"spark local[2] %s\",\"wall_seconds_with_session_start\":%.3f,"
                + "\"summary\":%s}%n", name, wall, summary);
        return JSON.readTree(summary);
    }

    /** The RapidFuzz script's JSON line, or null (said why) when it cannot run. */
    static JsonNode rapidFuzz(String python, Path input, int cutoff, Path dir) throws IOException, InterruptedException {
        PeerScript.Output out = PeerScript.run("RapidFuzz peer", " (pip install rapidfuzz numpy)", python,
                "rapidfuzz_cdist.py", input.toString(), "2", Integer.toString(cutoff),
                dir.resolve("dense.npy").toString(), dir.resolve("edges.npy").toString());
        if (out == null) {
            return null;
        }
        System.out.println(out.lastLine());
        return JSON.readTree(out.lastLine());
    }

    private static void report(EndToEnd.Run pool, JsonNode dense, JsonNode streamed, JsonNode kept,
                               boolean sameAsPool, JsonNode peer, int cutoff) {
        double denseS = dense.path("seconds").asDouble();
        double keptS = kept.path("seconds").asDouble();
        System.out.println();
        System.out.println("| run | seconds | pairs/s |");
        System.out.println("|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| bare pool, 2 threads, dense .npy | %.2f | %.3g |%n", pool.seconds(),
                pool.pairsPerSecond());
        System.out.printf(Locale.ROOT, "| spark local[2], dense .npy | %.2f | %.3g |%n", denseS, pool.pairs() / denseS);
        double streamedS = streamed.path("seconds").asDouble();
        System.out.printf(Locale.ROOT, "| spark local[2], dense .npy, bands through the driver (inPlace=false) | %.2f"
                + " | %.3g |%n", streamedS, pool.pairs() / streamedS);
        System.out.printf(Locale.ROOT, "| spark local[2], --keep below=%d (%d edges) | %.2f | %.3g |%n", cutoff,
                kept.path("edges").asLong(), keptS, pool.pairs() / keptS);
        if (peer != null) {
            System.out.printf(Locale.ROOT, "| RapidFuzz %s cdist, 2 workers, dense, in memory | %.2f | |%n",
                    peer.path("rapidfuzz").asText(), peer.path("dense_seconds").asDouble());
            System.out.printf(Locale.ROOT, "| RapidFuzz cdist, 2 workers, score_cutoff=%d | %.2f | |%n", cutoff,
                    peer.path("cutoff_seconds").asDouble());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "spark local[2] / bare pool (pairs/s, dense) = %.3f (target >= 0.8)%n",
                pool.seconds() / denseS);
        if (peer != null) {
            System.out.printf(Locale.ROOT, "dense: job seconds / RapidFuzz seconds = %.2f (target <= 2)%n",
                    denseS / peer.path("dense_seconds").asDouble());
            System.out.printf(Locale.ROOT, "keep below=%d: job seconds / RapidFuzz score_cutoff seconds = %.2f"
                    + " (target <= 1)%n", cutoff, keptS / peer.path("cutoff_seconds").asDouble());
            System.out.printf(Locale.ROOT, "outputs against RapidFuzz: dense %s, edges %s%n",
                    peer.path("dense_identical").asBoolean() ? "identical" : "DIFFER",
                    peer.path("edges_identical").asBoolean() ? "identical" : "DIFFER");
        }
        System.out.println(sameAsPool ? "the job's dense .npy files (both ways) are byte-identical to the bare pool's"
                : "a dense .npy of the job DIFFERS from the bare pool's");
    }
}
