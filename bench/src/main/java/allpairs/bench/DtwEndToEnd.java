package allpairs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/bench.sh e2e dtw}: dtw end to end against numba. Inputs from {@code bench/dtw_data.py}:
 * z-normalised windows of SciPy's ECG record ({@code --windows 3000} of {@code --length 128}; seeded
 * random walks when the record is missing, said in the output) and {@code --walks 800} random walks of
 * {@code --walk-length 256}. Cases: ECG windows with a band of about 10% and without, walks without; each
 * as the job at local[2] (dense .npy; its summary's seconds, and this JVM's wall for the whole call, Spark
 * session start included) and {@code bench/dtw_numba.py} (numba prange, 2 threads, compiled before timing,
 * its matrix compared with the job's). Then the pruned runs on the banded ECG windows: {@code --top-k 5}
 * and {@code --keep below=} the 1st percentile of the distances, each checked edge for edge against the
 * dense matrix ({@code bench/dtw_check.py}), with the summary's pruning counts. numba is optional: without
 * it the job rows are printed alone. Untimed warm-up runs on the first 300 windows come first.
 *
 * <p>Options: {@code --windows W --length L --walks M --walk-length N --seed S --dir DIR --python CMD
 * --cases ecg-band,ecg-full,walks-full,pruned}.
 */
public final class DtwEndToEnd {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DtwEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs o = new BenchArgs(args,
                "--windows W --length L --walks M --walk-length N --seed S --dir DIR --python CMD --cases LIST");
        int windows = o.intOr("--windows", 3000);
        int length = o.intOr("--length", 128);
        Path dir = o.pathOr("--dir", Path.of("bench-out", "dtw"));
        String python = o.stringOr("--python", "/usr/bin/python3");
        List<String> cases = Arrays.asList(o.stringOr("--cases", "ecg-band,ecg-full,walks-full,pruned").split(","));
        Files.createDirectories(dir);
        JsonNode data = script(python, "dtw_data.py", dir.toString(), Integer.toString(windows),
                Integer.toString(length), Integer.toString(o.intOr("--walks", 800)),
                Integer.toString(o.intOr("--walk-length", 256)), Long.toString(o.longOr("--seed", 42)));
        if (data == null) {
            throw new IllegalStateException("bench/dtw_data.py needs " + python + " with numpy");
        }
        Path ecg = dir.resolve("ecg.npy");
        Path walks = dir.resolve("walks.npy");
        int band = Math.max(1, Math.round(length * 0.1f));
        warmUp(dir, ecg, band);
        List<String> table = new ArrayList<>();
        uptime(table);
        if (cases.contains("ecg-band")) {
            dense(dir, "ecg-band", ecg, band, python, table);
        }
        if (cases.contains("ecg-full")) {
            dense(dir, "ecg-full", ecg, -1, python, table);
        }
        if (cases.contains("walks-full")) {
            dense(dir, "walks-full", walks, -1, python, table);
        }
        if (cases.contains("pruned")) {
            pruned(dir, ecg, band, python, table, cases.contains("ecg-band"));
        }
        uptime(table);
        System.out.println();
        System.out.println("ECG input: " + data.path("ecg_source").asText() + ", " + data.path("ecg_shape")
                + "; walks " + data.path("walks_shape") + "; band: window=" + band);
        System.out.println();
        System.out.println("| case | run | job seconds | wall (session start incl.) | numba 2 threads | job / numba | check |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        table.forEach(System.out::println);
    }

    private static void warmUp(Path dir, Path ecg, int band) throws Exception {
        Path warm = dir.resolve("warm.npy");
        Files.write(warm, firstRows(ecg, 300));
        List<String> w = List.of("--kernel-param", "window=" + band);
        job("warm", warm, dir.resolve("warm-d.npy"), w);
        job("warm-top", warm, dir.resolve("warm-t.npy"), concat(w, "--top-k", "5"));
        job("warm-keep", warm, dir.resolve("warm-k.npy"), concat(w, "--keep", "below=3"));
    }

    private static void dense(Path dir, String name, Path input, int window, String python, List<String> table)
            throws Exception {
        Path out = dir.resolve(name + ".npy");
        List<String> params = window < 0 ? List.of() : List.of("--kernel-param", "window=" + window);
        Run job = job(name, input, out, params);
        JsonNode numba = script(python, "dtw_numba.py", input.toString(), Integer.toString(window), "2", out.toString());
        String peer = numba == null ? "not run (see above)" : String.format(Locale.ROOT, "%.2f", numba.path("seconds").asDouble());
        String ratio = numba == null ? "" : String.format(Locale.ROOT, "%.2f", job.seconds / numba.path("seconds").asDouble());
        String check = numba == null ? "" : numba.path("identical_entries").asLong() + "/" + numba.path("entries").asLong()
                + " entries identical, max |diff| " + numba.path("max_abs_diff").asDouble();
        table.add(String.format(Locale.ROOT, "| %s | dense | %.2f | %.2f | %s | %s | %s |", name, job.seconds, job.wall,
                peer, ratio, check));
    }

    private static void pruned(Path dir, Path ecg, int band, String python, List<String> table, boolean haveDense)
            throws Exception {
        Path dense = dir.resolve("ecg-band.npy");
        if (!haveDense) {
            job("ecg-band", ecg, dense, List.of("--kernel-param", "window=" + band));
        }
        double p1 = percentile(dense, 0.01);
        List<String> w = List.of("--kernel-param", "window=" + band);
        for (List<String> extra : List.of(List.of("--top-k", "5"), List.of("--keep", "below=" + p1))) {
            String name = String.join(" ", extra);
            Path out = dir.resolve(extra.get(0).substring(2) + ".npy");
            Run r = job(name, ecg, out, concat(w, extra.toArray(new String[0])));
            JsonNode check = script(python, "dtw_check.py", dense.toString(), out.toString(),
                    extra.get(0).equals("--top-k") ? "top" : "below", extra.get(1).replace("below=", ""));
            String counts = String.format(Locale.ROOT, "pruned: kim %d, keogh %d, abandoned %d of %d pairs",
                    r.summary.path("pruned_lb_kim").asLong(), r.summary.path("pruned_lb_keogh").asLong(),
                    r.summary.path("pruned_early_abandon").asLong(), r.summary.path("pairs").asLong());
            table.add(String.format(Locale.ROOT, "| ecg-band | %s (%d edges) | %.2f | %.2f | | | %s; %s |", name,
                    r.summary.path("edges").asLong(), r.seconds, r.wall,
                    check == null ? "not checked (no numpy)" : check.path("identical").asBoolean()
                            ? "edges identical to the dense run's" : "EDGES DIFFER", counts));
        }
    }

    record Run(double seconds, double wall, JsonNode summary) {
    }

    private static Run job(String name, Path input, Path output, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
                "--kernel", "dtw", "--overwrite"));
        args.addAll(extra);
        long start = System.nanoTime();
        String line = BenchJob.summaryLine("job " + name, args, BenchJob.localConf("allpairs-bench-dtw", Map.of()));
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "{\"run\":\"spark local[2] %s\",\"wall_seconds_with_session_start\":%.3f,"
                + "\"summary\":%s}%n", name, wall, line);
        JsonNode s = JSON.readTree(line);
        return new Run(s.path("seconds").asDouble(), wall, s);
    }

    /** A script of bench/ under python: its last line as JSON, or null (said why) when it fails. */
    private static JsonNode script(String python, String script, String... args) throws Exception {
        PeerScript.Output out = PeerScript.run(script, "", python, script, args);
        if (out == null) {
            return null;
        }
        System.out.println(out.lastLine());
        return JSON.readTree(out.lastLine());
    }

    /** The q-quantile of a dense float64 .npy's off-diagonal entries. */
    private static double percentile(Path npy, double q) throws IOException {
        byte[] file = Files.readAllBytes(npy);
        int offset = 10 + ((file[8] & 0xff) | (file[9] & 0xff) << 8);
        ByteBuffer b = ByteBuffer.wrap(file, offset, file.length - offset).order(ByteOrder.LITTLE_ENDIAN);
        int m = (int) Math.round(Math.sqrt((file.length - offset) / 8.0));
        double[] v = new double[m * (m - 1)];
        int n = 0;
        for (int e = 0; e < m * m; e++) {
            double d = b.getDouble();
            if (e / m != e % m) {
                v[n++] = d;
            }
        }
        Arrays.sort(v);
        return v[(int) (q * (v.length - 1))];
    }

    /** The first rows of a 2-D float64 .npy, as a new .npy. */
    private static byte[] firstRows(Path npy, int rows) throws IOException {
        byte[] file = Files.readAllBytes(npy);
        int offset = 10 + ((file[8] & 0xff) | (file[9] & 0xff) << 8);
        String header = new String(file, 10, offset - 10, StandardCharsets.ISO_8859_1);
        int m = Integer.parseInt(header.replaceAll("(?s).*'shape': \\((\\d+),.*", "$1"));
        int n = (file.length - offset) / 8 / m;
        int keep = Math.min(rows, m);
        String h = header.replaceFirst("'shape': \\(\\d+,", "'shape': (" + keep + ",").trim();
        StringBuilder padded = new StringBuilder(h);
        while ((10 + padded.length() + 1) % 64 != 0) {
            padded.append(' ');
        }
        padded.append('\n');
        byte[] head = padded.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(10 + head.length + keep * n * 8);
        out.put(Arrays.copyOf(file, 8)).put((byte) head.length).put((byte) (head.length >> 8)).put(head);
        out.put(file, offset, keep * n * 8);
        return out.array();
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    private static void uptime(List<String> table) throws IOException {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        table.add("| load average (1, 5, 15 min) | " + load + " | | | | | |");
    }
}
