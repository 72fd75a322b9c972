package allpairs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/bench.sh e2e join}: the join path (docs/join.md) against the tiled path and RapidFuzz,
 * levenshtein {@code --keep below=CUTOFF} on seeded reads ({@link ReadFamilies#generateSkewed}:
 * 50 bp, substitutions and indels, Pareto family sizes). Every job runs as the user runs it,
 * {@code ./submit.sh --master local[2] --driver-memory MEM} in a child process, so its process wall
 * includes the JVM's and Spark's start-up and reading the input; its job seconds are the summary's.
 *
 * <ol>
 *   <li>The join path on all READS reads (Spark's event log gives the stage times).</li>
 *   <li>For each T of {@code --tiled-reads}: the join and the tiled path
 *       ({@code spark.allpairs.join=off}) on the first T reads; the tiled seconds are extrapolated to
 *       READS by pair count when T is smaller.</li>
 *   <li>RapidFuzz {@code cdist(score_cutoff=CUTOFF, workers=2)} over all pairs of the READS reads in
 *       row chunks ({@code bench/rapidfuzz_join.py}; said so when Python lacks rapidfuzz).</li>
 * </ol>
 * Edge lists are compared by count and the SHA-256 of the sorted (i, j, value) records ({@code .npy}
 * output; with {@code --format parquet} only counts are compared).
 *
 * <p>Options: {@code --reads M} (100000), {@code --length N} (50), {@code --cutoff X} (3),
 * {@code --max-family F} (5000), {@code --seed S} (42), {@code --tiled-reads T,T|none} (10000,30000),
 * {@code --peer on|off} (on), {@code --chunk C} (2000 rows per cdist call), {@code --format npy|parquet}
 * (npy), {@code --driver-memory MEM} (1g), {@code --dir DIR} (bench-out/join), {@code --python CMD} (python3).
 */
public final class JoinEndToEnd {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One job run: its process wall, its summary, the SHA-256 of its edge records (null for Parquet). */
    record Job(String name, int reads, double wall, double cpu, JsonNode summary, String sha256) {
        double seconds() {
            return summary.path("seconds").asDouble();
        }

        long edges() {
            return summary.path("edges").asLong();
        }
    }

    private JoinEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs o = new BenchArgs(args, "--reads M --length N --cutoff X --max-family F --seed S --tiled-reads T"
                + " --peer P --chunk C --format F --driver-memory MEM --dir DIR --python CMD");
        int reads = o.intOr("--reads", 100_000);
        int cutoff = o.intOr("--cutoff", 3);
        String format = o.stringOr("--format", "npy");
        Path dir = o.pathOr("--dir", Path.of("bench-out", "join")).toAbsolutePath();
        Files.createDirectories(dir);
        byte[][] generated = ReadFamilies.generateSkewed(reads, o.intOr("--length", 50), o.intOr("--max-family", 5000),
                o.longOr("--seed", 42));
        Path input = dir.resolve("reads-" + reads + ".txt");
        ReadFamilies.writeText(generated, input);
        Submit submit = new Submit(dir, cutoff, format, o.stringOr("--driver-memory", "1g"));
        // untimed: submit.sh builds the job jar when it is older than the sources; no timed run may include that
        if (new ProcessBuilder("./submit.sh", "--version").inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("./submit.sh --version failed");
        }
        System.out.println("load average before: " + loadAverage());
        Job join = submit.run("join", input, reads, "on");
        List<Job[]> tiled = new ArrayList<>();
        String tiledReads = o.stringOr("--tiled-reads", "10000,30000");
        for (String t : tiledReads.equals("none") ? new String[0] : tiledReads.split(",")) {
            int n = Math.min(reads, Integer.parseInt(t.trim()));
            Path part = dir.resolve("reads-" + n + ".txt");
            ReadFamilies.writeText(Arrays.copyOf(generated, n), part);
            tiled.add(new Job[] {n == reads ? join : submit.run("join", part, n, "on"), submit.run("tiles", part, n, "off")});
        }
        JsonNode peer = o.stringOr("--peer", "on").equals("on")
                ? rapidFuzz(o.stringOr("--python", "python3"), input, cutoff, o.intOr("--chunk", 2000)) : null;
        System.out.println("load average after: " + loadAverage());
        report(join, tiled, peer, cutoff);
        List<EventLogStages.Stage> stages = EventLogStages.read(dir.resolve("events-join-" + reads));
        EventLogStages.print("the join path, " + reads + " reads", join.seconds(), stages);
        phases(join, stages);
    }

    /**
     * The join's stages by phase (docs/join.md, "On Spark"): read is the driver's share before the first
     * job (with the JVM's and Spark's start-up); keys includes writing them to the shuffle, verify reading
     * them back and writing the edges to the bands' shuffle.
     */
    private static void phases(Job join, List<EventLogStages.Stage> stages) {
        java.util.Map<String, Double> wall = new java.util.LinkedHashMap<>();
        for (String p : List.of("start-up + read (driver)", "group identical rows", "sample keys (skew)",
                "keys + shuffle write", "shuffle read + verify", "write")) {
            wall.put(p, 0.0);
        }
        wall.put("start-up + read (driver)", join.summary().path("wall_seconds").asDouble() - join.seconds());
        for (EventLogStages.Stage s : stages) {
            String n = s.name();
            String phase = n.contains("IdenticalRows") ? "group identical rows"
                    : n.startsWith("flatMapToPair at SkewSplit") ? "keys + shuffle write"
                    : n.contains("SkewSplit") ? "sample keys (skew)"
                    : n.contains("Sink") ? "write" : "shuffle read + verify";
            wall.merge(phase, s.wallSeconds(), Double::sum);
        }
        System.out.println();
        System.out.println("| phase | wall s |");
        System.out.println("|---|---:|");
        wall.forEach((p, s) -> System.out.printf(Locale.ROOT, "| %s | %.1f |%n", p, s));
    }

    /** Runs jobs through {@code ./submit.sh} at local[2] in child processes. */
    record Submit(Path dir, int cutoff, String format, String driverMemory) {
        Job run(String name, Path input, int reads, String joinSetting) throws IOException, InterruptedException {
            String tag = name + "-" + reads;
            Path events = dir.resolve("events-" + tag);
            if (Files.isDirectory(events)) { // one event log per directory: EventLogStages reads the first
                try (var old = Files.list(events)) {
                    for (Path f : (Iterable<Path>) old::iterator) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(events);
            Path output = dir.resolve(tag + (format.equals("npy") ? ".npy" : ".parquet"));
            Path summary = dir.resolve(tag + "-summary.json");
            // bash's times: the CPU seconds of the job's process tree (what a loaded machine cannot blur)
            List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\"; rc=$?; times; exit $rc", "bash",
                    "./submit.sh", "--master", "local[2]", "--driver-memory",
                    driverMemory, "--conf", "spark.allpairs.join=" + joinSetting, "--conf", "spark.ui.enabled=false",
                    "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.rolling.enabled=false",
                    "--conf", "spark.eventLog.compress=false", "--conf", "spark.eventLog.dir=" + events.toUri(), "--",
                    "--input", input.toString(), "--output", output.toString(), "--kernel", "levenshtein",
                    "--keep", "below=" + cutoff, "--format", format, "--overwrite", "--summary-json", summary.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(tag + ".log").toFile());
            long start = System.nanoTime();
            int code = pb.start().waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(tag + " exited " + code + "; see " + dir.resolve(tag + ".log"));
            }
            Job job = new Job(name, reads, wall, cpuSeconds(dir.resolve(tag + ".log")), JSON.readTree(summary.toFile()),
                    format.equals("npy") ? npySha256(output) : null);
            System.out.printf(Locale.ROOT, "{\"run\":\"%s\",\"reads\":%d,\"process_wall_seconds\":%.3f,"
                    + "\"process_cpu_seconds\":%.1f,\"sha256\":\"%s\",\"load\":\"%s\",\"summary\":%s}%n", name, reads,
                    wall, job.cpu(), job.sha256(), loadAverage(), job.summary());
            return job;
        }
    }

    /** User + system seconds of the children, from the last line bash's {@code times} wrote ("0m1.5s 0m0.2s"). */
    static double cpuSeconds(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        double sum = 0;
        for (String t : lines.get(lines.size() - 1).trim().split("\\s+")) {
            int m = t.indexOf('m');
            sum += Double.parseDouble(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
        }
        return sum;
    }

    /** SHA-256 of a {@code .npy} file's data (its records, after the header). */
    static String npySha256(Path npy) throws IOException {
        try (InputStream in = Files.newInputStream(npy)) {
            byte[] head = in.readNBytes(12);
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            int major = head[6];
            long headerEnd = major == 1 ? 10 + (b.getShort(8) & 0xffff) : 12 + (b.getInt(8) & 0xffffffffL);
            in.skipNBytes(headerEnd - 12);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RapidFuzz script's JSON line, or null (said why) when it cannot run. */
    static JsonNode rapidFuzz(String python, Path input, int cutoff, int chunk) throws IOException, InterruptedException {
        PeerScript.Output out = PeerScript.run("RapidFuzz peer", " (pip install rapidfuzz numpy)", python,
                "rapidfuzz_join.py", input.toString(), "2", Integer.toString(cutoff), Integer.toString(chunk));
        if (out == null) {
            return null;
        }
        System.out.printf(Locale.ROOT, "{\"run\":\"rapidfuzz\",\"process_wall_seconds\":%.3f,\"load\":\"%s\",\"result\":%s}%n",
                out.wallSeconds(), loadAverage(), out.lastLine());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(out.lastLine()))
                .put("process_wall_seconds", out.wallSeconds());
    }

    private static void report(Job join, List<Job[]> tiled, JsonNode peer, int cutoff) {
        System.out.println();
        System.out.println("| run | reads | process wall s | process CPU s | job s | candidates | pairs verified | edges"
                + " | same edges |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        row("join", join, "");
        for (Job[] pair : tiled) {
            if (pair[0] != join) {
                row("join", pair[0], "");
            }
            row("tiles", pair[1], pair[1].sha256() == null ? (pair[1].edges() == pair[0].edges() ? "count equal" : "DIFFER")
                    : pair[1].sha256().equals(pair[0].sha256()) ? "equal to the join's" : "DIFFER");
        }
        if (peer != null) {
            boolean same = peer.path("edges").asLong() == join.edges() && peer.path("sha256").asText().equals(join.sha256());
            System.out.printf(Locale.ROOT, "| RapidFuzz %s cdist, 2 workers, score_cutoff=%d, chunks of %d | %d | %.1f | %.1f"
                    + " | %.1f | | %d | %d | %s |%n", peer.path("rapidfuzz").asText(), cutoff, peer.path("chunk").asInt(),
                    join.reads(), peer.path("process_wall_seconds").asDouble(), peer.path("cpu_seconds").asDouble(),
                    peer.path("seconds").asDouble(),
                    (long) join.reads() * (join.reads() - 1) / 2, peer.path("edges").asLong(),
                    same ? "equal to the join's" : "DIFFER");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "candidates / edges = %.2f; pairs verified / edges = %.2f; pairs_full / pairs"
                + " verified = %.0f%n", ratio(join, "candidates"), ratio(join, "pairs_verified"),
                join.summary().path("pairs_full").asDouble() / join.summary().path("pairs_verified").asDouble());
        for (Job[] pair : tiled) {
            double scale = Math.pow((double) join.reads() / pair[1].reads(), 2);
            System.out.printf(Locale.ROOT, "tiles at %d reads: %.1f s%s; join %.1f s at %d reads: tiles / join = %.1f"
                    + " (at %d reads: job seconds %.1f, process CPU %.1f)%n",
                    pair[1].reads(), pair[1].seconds(), scale == 1 ? "" : String.format(Locale.ROOT,
                    ", x %.1f by pair count = %.0f s", scale, pair[1].seconds() * scale), join.seconds(), join.reads(),
                    pair[1].seconds() * scale / join.seconds(), pair[1].reads(), pair[1].seconds() / pair[0].seconds(),
                    pair[1].cpu() / pair[0].cpu());
        }
        if (peer != null) {
            System.out.printf(Locale.ROOT, "RapidFuzz process wall / join process wall = %.1f (job seconds %.1f / %.1f:"
                    + " %.1f; process CPU seconds %.1f / %.1f: %.1f)%n", peer.path("process_wall_seconds").asDouble()
                    / join.wall(), peer.path("seconds").asDouble(), join.seconds(), peer.path("seconds").asDouble()
                    / join.seconds(), peer.path("cpu_seconds").asDouble(), join.cpu(),
                    peer.path("cpu_seconds").asDouble() / join.cpu());
        }
    }

    private static void row(String name, Job job, String same) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s | %d | %s |%n", name, job.reads(),
                job.wall(), job.cpu(), job.seconds(), job.summary().path("candidates").asText(""),
                job.summary().path("pairs_verified").asText(job.summary().path("pairs").asText()), job.edges(), same);
    }

    private static double ratio(Job job, String key) {
        return job.summary().path(key).asDouble() / Math.max(1, job.edges());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
