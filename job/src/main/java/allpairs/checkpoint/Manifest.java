package allpairs.checkpoint;

import allpairs.UserError;
import allpairs.io.AtomicFile;
import allpairs.io.HadoopFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a checkpoint remembers of the job that filled it: its fingerprint (the whole job's digest and
 * each part's hash, see {@link Fingerprint}) and tiling, in {@code DIR/manifest.properties}.
 */
public record Manifest(String fingerprint, Map<String, String> parts, boolean symmetric, int[] rowBounds,
                       int[] colBounds) {
    static final String NAME = "manifest.properties";
    private static final String PART = "part.";

    public Manifest(Fingerprint job, boolean symmetric, int[] rowBounds, int[] colBounds) {
        this(job.digest(), job.hashes(), symmetric, rowBounds, colBounds);
    }

    /** The manifest in DIR, or null when DIR has none; one we cannot read is another job's. */
    static Manifest read(String dir, Configuration conf) throws IOException {
        Path path = new Path(dir, NAME);
        FileSystem fs = HadoopFs.of(path, conf);
        if (!fs.exists(path)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = fs.open(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try {
            return new Manifest(require(p, "fingerprint"), parts(p), Boolean.parseBoolean(require(p, "symmetric")),
                    ints(require(p, "rowBounds")), ints(require(p, "colBounds")));
        } catch (IllegalArgumentException e) {
            throw differentJob("its manifest cannot be read: " + e.getMessage(), dir);
        }
    }

    /** Writes the manifest whole, replacing one there (in one step on the local FS and HDFS). */
    void write(String dir, Configuration conf) throws IOException {
        Properties p = new Properties();
        p.setProperty("fingerprint", fingerprint);
        parts.forEach((key, hash) -> p.setProperty(PART + key, hash));
        p.setProperty("symmetric", Boolean.toString(symmetric));
        p.setProperty("rowBounds", join(rowBounds));
        p.setProperty("colBounds", join(colBounds));
        StringWriter text = new StringWriter();
        p.store(text, "allpairs checkpoint");
        Path path = new Path(dir, NAME);
        FileSystem fs = HadoopFs.of(path, conf);
        AtomicFile.write(fs, fs.makeQualified(path), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses, before any work, a manifest of another job: another fingerprint (naming the parts that
     * differ), or a tiling that does not cover an m × k matrix (bounds from 0 to m and to k,
     * ascending; one tiling when mirrored).
     */
    void requireJob(Fingerprint expected, int m, int k, boolean mirrored, String dir) {
        List<String> differ = expected.differences(parts);
        if (!differ.isEmpty() || !expected.digest().equals(fingerprint)) {
            // parts that agree under another digest: another checkpoint layout (Fingerprint.VERSION)
            throw differentJob(differ.isEmpty() ? "allpairs build differs (another checkpoint format)"
                    : String.join("; ", differ), dir);
        }
        if (symmetric != mirrored || !covers(rowBounds, m) || !covers(colBounds, k)
                || (symmetric && !Arrays.equals(rowBounds, colBounds))) {
            throw differentJob("its tiling does not fit this input's " + m + " x " + k + " matrix", dir);
        }
    }

    static UserError differentJob(String why, String dir) {
        return new UserError("checkpoint holds tiles of a different job (" + why + "); use another directory, or"
                + " --checkpoint-replace to replace it", dir);
    }

    private static boolean covers(int[] bounds, int size) {
        if (bounds.length < 2 || bounds[0] != 0 || bounds[bounds.length - 1] != size) {
            return false;
        }
        for (int b = 1; b < bounds.length; b++) {
            if (bounds[b] <= bounds[b - 1]) {
                return false;
            }
        }
        return true;
    }

    private static String require(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    /** The parts' hashes, by name; none in a manifest of an earlier version. */
    private static Map<String, String> parts(Properties p) {
        Map<String, String> parts = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PART)) {
                parts.put(key.substring(PART.length()), p.getProperty(key));
            }
        }
        return parts;
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static int[] ints(String csv) {
        return csv.isEmpty() ? new int[0] : Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
