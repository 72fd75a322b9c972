package allpairs.bench;

import allpairs.kernel.ByteRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Map;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/bench.sh e2e align}: the alignment case. 2,000 generated proteins
 * ({@link Proteins#realistic}: log-normal lengths, median 350, and every 400th of 5,000..8,000
 * residues; UniProt residue frequencies), sw with BLOSUM62, gap-open -10,
 * gap-extend -1, as the Spark job at local[2], and in the same run {@code parasail_aligner}
 * (striped 16-bit SIMD, 2 threads, the same penalties as -o 10 -e 1) when it is on the PATH.
 * Every parasail score (column 5 of its CSV) must equal the job's entry; prints both times and
 * their ratio, cells per second per core on each side (the job computes the upper half, parasail
 * the full square), the job's task max/mean and the load average. Options: {@code --rows M} (2000), {@code --seed S} (42), {@code --dir DIR} (bench-out),
 * {@code --block-size B} (the job's default).
 */
public final class AlignmentEndToEnd {
    static final List<String> PARAMS = List.of("matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1");

    private AlignmentEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "--rows M --seed S --dir DIR --block-size B");
        int m = options.intOr("--rows", 2000);
        long seed = options.longOr("--seed", 42);
        Path dir = options.pathOr("--dir", Path.of("bench-out"));
        Integer blockSize = options.intOrNull("--block-size");
        Files.createDirectories(dir);
        ByteRows rows = Proteins.realistic(m, seed);
        Path fasta = dir.resolve("proteins.fasta");
        Proteins.writeFasta(rows, fasta);
        double cells = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                cells += (double) rows.length(i) * rows.length(j);
            }
        }
        Path out = dir.resolve("align_local2.npy").toAbsolutePath();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        JsonNode summary = sparkJob(rows, fasta, out, blockSize);
        // this JVM's CPU over the warm-up and the timed job: JIT, GC and Spark included
        double jobCpu = (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpuBefore) / 1e9;
        double jobSeconds = summary.get("seconds").asDouble();
        double[] matrix = readNpy(out, m);
        System.out.printf(Locale.ROOT, "{\"run\":\"spark local[2]\",\"kernel\":\"sw\",\"params\":\"%s\",\"m\":%d,"
                + "\"cells_upper\":%.0f,\"seconds\":%.3f,\"cells_per_s_per_core\":%.3e,\"task_seconds_max\":%s,"
                + "\"task_seconds_mean\":%s,\"load_average\":\"%s\"}%n", String.join(" ", PARAMS), m, cells, jobSeconds,
                cells / jobSeconds / 2, summary.get("task_seconds_max"), summary.get("task_seconds_mean"), loadAverage());
        System.out.printf(Locale.ROOT, "job process CPU (warm-up job included) %.1f s: %.3e cells per CPU-s%n", jobCpu,
                cells / jobCpu);
        System.out.printf(Locale.ROOT, "task max/mean %.2f%n", summary.get("task_seconds_max").asDouble()
                / summary.get("task_seconds_mean").asDouble());
        File parasail = onPath("parasail_aligner");
        if (parasail == null) {
            System.out.println("parasail_aligner is not installed (Debian package parasail): no comparison run");
            return;
        }
        Path csv = dir.resolve("parasail.csv");
        long start = System.nanoTime();
        // through bash for its `times`: the children's CPU seconds, parasail's side of the per-CPU-s rate
        String command = String.join(" ", parasail.getPath(), "-x", "-a", "sw_striped_16", "-m", "blosum62", "-o", "10",
                "-e", "1", "-t", "2", "-f", fasta.toString(), "-g", csv.toString()) + " && times";
        Process p = new ProcessBuilder("bash", "-c", command)
                .redirectInput(fasta.toFile()).redirectOutput(dir.resolve("parasail.log").toFile())
                .redirectErrorStream(true).start();
        int rc = p.waitFor();
        double parasailSeconds = (System.nanoTime() - start) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("parasail_aligner exited " + rc + "; see " + dir.resolve("parasail.log"));
        }
        List<String> log = Files.readAllLines(dir.resolve("parasail.log"));
        double parasailCpu = childCpu(log.get(log.size() - 1));
        System.out.printf(Locale.ROOT, "parasail CPU %.1f s: %.3e cells per CPU-s; per CPU-s job / parasail = %.2f%n",
                parasailCpu, 2 * cells / parasailCpu, (cells / jobCpu) / (2 * cells / parasailCpu));
        long compared = 0;
        long differ = 0;
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            int q = Integer.parseInt(f[0]);
            int d = Integer.parseInt(f[1]);
            compared++;
            if (matrix[q * m + d] != Double.parseDouble(f[4])) {
                if (differ++ < 5) {
                    System.out.println("DIFFERS: pair (" + q + ", " + d + "): job " + matrix[q * m + d] + ", parasail " + f[4]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"run\":\"parasail_aligner sw_striped_16 -t 2\",\"m\":%d,\"cells_full\":%.0f,"
                + "\"seconds\":%.3f,\"cells_per_s_per_core\":%.3e,\"scores_compared\":%d,\"scores_differing\":%d,"
                + "\"load_average\":\"%s\"}%n", m, 2 * cells, parasailSeconds, 2 * cells / parasailSeconds / 2, compared, differ,
                loadAverage());
        System.out.printf(Locale.ROOT, "cells per second per core: job / parasail = %.2f%n",
                (cells / jobSeconds) / (2 * cells / parasailSeconds));
        System.out.printf(Locale.ROOT, "sw BLOSUM62 %d proteins: job local[2] %.2f s, parasail 2 threads %.2f s: "
                + "job / parasail = %.2f (target <= 1); %s%n", m, jobSeconds, parasailSeconds, jobSeconds / parasailSeconds,
                differ == 0 && compared == (long) m * m ? "every score equal to parasail's" : "SCORES DIFFER");
    }

    /** The job at local[2] after an untimed warm-up job (Spark's and the lanes' JIT); its own seconds. */
    static JsonNode sparkJob(ByteRows rows, Path fasta, Path out, Integer blockSize) throws IOException {
        Path warmFasta = fasta.resolveSibling("proteins-warmup.fasta");
        Proteins.writeFasta(rows.slice(0, Math.min(rows.rows(), 64)), warmFasta);
        job(warmFasta, out.resolveSibling("align_warmup.npy"), blockSize);
        return job(fasta, out, blockSize);
    }

    /** User + system seconds from a line of bash's {@code times} ("0m1.234s 0m0.010s"). */
    static double childCpu(String line) {
        double total = 0;
        for (String t : line.trim().split("\\s+")) {
            int mIndex = t.indexOf('m');
            total += Integer.parseInt(t.substring(0, mIndex)) * 60 + Double.parseDouble(t.substring(mIndex + 1, t.length() - 1));
        }
        return total;
    }

    /** The 1, 5 and 15 minute load averages (Linux), for the record next to each time. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One run through the CLI in this JVM (Spark local[2]); the summary line it printed. */
    private static JsonNode job(Path fasta, Path out, Integer blockSize) throws IOException {
        List<String> args = new ArrayList<>(List.of("--input", fasta.toString(), "--output", out.toString(),
                "--kernel", "sw", "--overwrite"));
        for (String p : PARAMS) {
            args.addAll(List.of("--kernel-param", p));
        }
        if (blockSize != null) {
            args.addAll(List.of("--block-size", blockSize.toString()));
        }
        return BenchJob.summary("job", args, BenchJob.localConf("allpairs-bench-align", Map.of()));
    }

    /** The m × m float64 matrix of a .npy (little-endian, C order). */
    static double[] readNpy(Path file, int m) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        double[] matrix = new double[m * m];
        data.asDoubleBuffer().get(matrix);
        return matrix;
    }

    static File onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, program);
            if (f.canExecute()) {
                return f;
            }
        }
        return null;
    }
}
