package allpairs.checkpoint;

import allpairs.UserError;
import allpairs.compute.TileEdges;
import allpairs.io.AtomicFile;
import allpairs.io.ExclusiveLock;
import allpairs.io.HadoopFs;
import allpairs.plan.Tile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --checkpoint DIR}: an application-level store of finished tiles, so a new run (after the
 * driver died) computes only what is missing. Spark's own checkpoints cannot be reattached by a
 * new application. Each task writes its tile whole ({@link #write}); a resumed run trusts a tile
 * only when its checksum agrees ({@link TileFile}). The manifest records the job's fingerprint and
 * tiling; a different job is refused, never mixed; one run at a time uses DIR ({@link #lock}). DIR must be on storage the driver and every executor
 * share (HDFS, S3, NFS) on a real cluster.
 */
public final class TileStore implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TileStore.class);
    private static final String TILES = "tiles";
    private static final String LOCK = ".allpairs-lock";

    private final String dir;
    /** The job's digest: each tile's checksum is bound to it ({@link TileFile}). */
    private final String job;
    /** Tiles are stored as the edges a sparse output keeps of them ({@link TileEdges}), not as values. */
    private final boolean edges;

    private TileStore(String dir, String job, boolean edges) {
        this.dir = dir;
        this.job = job;
        this.edges = edges;
    }

    /**
     * Opens DIR for the job {@code fingerprint} of an m × k matrix: its manifest, or null for a new
     * store. A checkpoint of another job (or with a tiling that does not fit) is refused, or with
     * {@code replace} deleted (our files only); a directory holding files we did not write is refused.
     */
    public static Manifest open(String dir, Fingerprint fingerprint, int m, int k, boolean mirrored, boolean replace,
                                Configuration conf) throws IOException {
        StoreFiles.requireOurs(dir, conf);
        try {
            Manifest stored = Manifest.read(dir, conf);
            if (stored != null) {
                stored.requireJob(fingerprint, m, k, mirrored, dir);
                return stored;
            }
        } catch (UserError differentJob) {
            if (!replace) {
                throw differentJob;
            }
            LOG.warn("--checkpoint-replace: replacing the checkpoint {} of a different job ({})", dir,
                    differentJob.getMessage());
        }
        StoreFiles.clear(dir, conf); // also tiles without a manifest: nothing says whose they are
        return null;
    }

    /** Creates DIR with its manifest. */
    public static void create(String dir, Manifest m, Configuration conf) throws IOException {
        Path tiles = new Path(dir, TILES);
        HadoopFs.of(tiles, conf).mkdirs(tiles);
        m.write(dir, conf);
    }

    /** One run at a time uses DIR: a second one gets exit 2 naming DIR and the holder. */
    public static ExclusiveLock lock(String dir, Configuration conf) throws IOException {
        return ExclusiveLock.take(new Path(dir, LOCK).toString(), "another allpairs run is using this checkpoint",
                dir, conf);
    }

    /**
     * The tiles in DIR of the job {@code fingerprint} (a tile of another job or place is not sound
     * there), stored as edges ({@code edges}: a sparse output) or as values.
     */
    public static TileStore at(String dir, Fingerprint fingerprint, boolean edges) {
        return new TileStore(dir, fingerprint.digest(), edges);
    }

    /** Names of the finished tiles ("bi-bj"). */
    public Set<String> finished(Configuration conf) throws IOException {
        Path tiles = new Path(dir, TILES);
        FileSystem fs = HadoopFs.of(tiles, conf);
        if (!fs.exists(tiles)) {
            return new HashSet<>();
        }
        return Arrays.stream(fs.listStatus(tiles)).map(FileStatus::getPath).map(Path::getName)
                .filter(n -> n.startsWith("t-") && n.endsWith(".tile"))
                .map(n -> n.substring(2, n.length() - 5)).collect(Collectors.toSet());
    }

    public static String key(Tile t) {
        return t.bandI() + "-" + t.bandJ();
    }

    /**
     * Executor side: stores a finished tile whole (a temporary, then moved onto its name, replacing
     * a damaged copy: in one step on the local FS and HDFS), so retried or speculative attempts,
     * which write the same bytes, are harmless.
     */
    public void write(Tile t, double[] block) throws IOException {
        write(t, TileFile.encode(t, job, block));
    }

    /** As above, a sparse output's tile: the edges it sends on. */
    public void write(Tile t, TileEdges kept) throws IOException {
        write(t, TileFile.encode(t, job, kept));
    }

    private void write(Tile t, byte[] bytes) throws IOException {
        Path target = file(t);
        FileSystem fs = HadoopFs.of(target, executorConf());
        AtomicFile.write(fs, fs.makeQualified(target), bytes);
    }

    /** True when tiles are stored as edges (a sparse output), read with {@link #readEdges}. */
    public boolean edges() {
        return edges;
    }

    /** Executor side: a stored tile's values; a damaged one (checked when the run resumed) is an I/O error. */
    public double[] read(Tile t) throws IOException {
        return TileFile.values(t, readSound(t));
    }

    /** Executor side: a stored sparse tile's edges, as {@link #read}. */
    public TileEdges readEdges(Tile t) throws IOException {
        return TileFile.edges(readSound(t));
    }

    private byte[] readSound(Tile t) throws IOException {
        Path target = file(t);
        byte[] bytes = readAll(target);
        String problem = TileFile.problem(t, job, bytes, edges);
        if (problem != null) {
            throw new IOException("checkpoint tile " + target + " changed during the run: " + problem);
        }
        return bytes;
    }

    /**
     * Executor side: why the stored tile cannot be trusted (truncated, corrupt, another shape, copied
     * from another place or job), or null.
     */
    public String problem(Tile t) throws IOException {
        return TileFile.problem(t, job, readAll(file(t)), edges);
    }

    /** Where a tile is stored. */
    public Path file(Tile t) {
        return new Path(new Path(dir, TILES), "t-" + key(t) + ".tile");
    }

    private static byte[] readAll(Path file) throws IOException {
        try (InputStream in = HadoopFs.of(file, executorConf()).open(file)) {
            return in.readAllBytes();
        }
    }

    private static Configuration executorConf() {
        SparkEnv env = SparkEnv.get();
        return env == null ? new Configuration() : HadoopFs.configuration(env.conf());
    }

}
