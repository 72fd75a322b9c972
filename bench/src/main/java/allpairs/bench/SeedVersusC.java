package allpairs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/bench.sh e2e seed-c}: the seed kernel as the job at local[2] against the seed's own
 * C/OpenMP loop ({@code bench/c/seed_omp.c}, compiled here with the system's gcc, 2 threads, one
 * scratch per thread, i <= j mirrored as the job does), on the same random int8 rows, in the same
 * invocation. Both run in steady state (the job after an untimed warm-up job; the C program times
 * its compute loop only, not reading or writing). The job is reported twice: its summary's
 * {@code seconds} (input, planning, compute, the .npy written) and its {@code compute_seconds} (the
 * compute stage's wall time, the tiles written in place included): the latter is the like-for-like
 * steady state. The matrices must be identical bit for bit. Prints each run's JSON
 * line and entries/s, then the ratio. Options: {@code --rows M} (512), {@code --cols N} (64),
 * {@code --seed S} (42), {@code --dir DIR} (bench-out).
 */
public final class SeedVersusC {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedVersusC() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "--rows M --cols N --seed S --dir DIR");
        int m = options.intOr("--rows", 512);
        int n = options.intOr("--cols", 64);
        long seed = options.longOr("--seed", 42);
        Path dir = options.pathOr("--dir", Path.of("bench-out"));
        Files.createDirectories(dir);
        Path input = dir.resolve("seed-c-input.npy").toAbsolutePath();
        EndToEnd.writeInt8(EndToEnd.randomInt8(m, n, seed), m, n, input);
        // The warm-up is the same job: the vector code runs interpreted (very slowly) until C2 compiles it.
        job(input, dir.resolve("seed-c-warmup-out.npy").toAbsolutePath());
        Path jobOut = dir.resolve("seed-c-job.npy").toAbsolutePath();
        JsonNode summary = job(input, jobOut);
        double jobSeconds = summary.get("seconds").asDouble();
        double computeSeconds = summary.path("compute_seconds").asDouble(jobSeconds);
        double entries = (double) m * m;
        System.out.printf(Locale.ROOT, "{\"run\":\"spark local[2] seed\",\"m\":%d,\"n\":%d,\"seconds\":%.3f,"
                + "\"entries_per_s\":%.1f,\"compute_seconds\":%.3f,\"compute_entries_per_s\":%.1f}%n", m, n,
                jobSeconds, entries / jobSeconds, computeSeconds, entries / computeSeconds);
        Path binary = compile(dir);
        if (binary == null) {
            return;
        }
        Path cOut = dir.resolve("seed-c-omp.f64");
        Process p = new ProcessBuilder(binary.toString(), input.toString(), cOut.toString(), "2")
                .redirectErrorStream(true).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("seed_omp failed: " + line);
        }
        double cSeconds = JSON.readTree(line).get("seconds").asDouble();
        System.out.println(line);
        boolean identical = sameValues(jobOut, cOut);
        System.out.printf(Locale.ROOT, "seed m=%d n=%d: C/OpenMP 2 threads %.1f entries/s (its compute loop); job"
                + " local[2] %.1f entries/s end to end (its seconds: %.2fx the C's rate), %.1f entries/s in its compute"
                + " stage (compute_seconds, the steady state the C loop is timed in: %.2fx); matrices %s%n", m, n,
                entries / cSeconds, entries / jobSeconds, cSeconds / jobSeconds, entries / computeSeconds,
                cSeconds / computeSeconds, identical ? "identical bit for bit" : "DIFFER");
    }

    /** gcc -O3 -march=native -fopenmp on bench/c/seed_omp.c, or null (said why) when it cannot be built. */
    static Path compile(Path dir) throws IOException, InterruptedException {
        File gcc = AlignmentEndToEnd.onPath("gcc");
        Path source = Path.of("bench", "c", "seed_omp.c");
        if (gcc == null || !Files.isRegularFile(source)) {
            System.out.println("gcc or bench/c/seed_omp.c not found (run from the repository root): no C comparison");
            return null;
        }
        Path binary = dir.resolve("seed_omp").toAbsolutePath();
        Process p = new ProcessBuilder(gcc.getPath(), "-O3", "-march=native", "-fopenmp", "-o", binary.toString(),
                source.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            System.out.println("gcc -fopenmp failed (is libgomp installed?): no C comparison");
            return null;
        }
        return binary;
    }

    /** One run through the CLI in this JVM (Spark local[2]); the summary line it printed. */
    private static JsonNode job(Path input, Path out) throws IOException {
        List<String> args = List.of("--input", input.toString(), "--output", out.toString(), "--kernel", "seed",
                "--overwrite");
        return BenchJob.summary("job", args, BenchJob.localConf("allpairs-bench-seed-c", Map.of()));
    }

    /** The .npy's payload (after its header) against the raw float64 file. */
    private static boolean sameValues(Path npy, Path raw) throws IOException {
        byte[] a = Files.readAllBytes(npy);
        byte[] b = Files.readAllBytes(raw);
        int header = 10 + ((a[8] & 0xff) | (a[9] & 0xff) << 8);
        return a.length - header == b.length && Arrays.equals(a, header, a.length, b, 0, b.length);
    }
}
