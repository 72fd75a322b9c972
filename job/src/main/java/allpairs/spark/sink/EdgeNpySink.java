package allpairs.spark.sink;

import allpairs.compute.EdgeBand;
import allpairs.compute.EdgePiece;
import allpairs.compute.Piece;
import allpairs.io.OutputDtype;
import allpairs.io.NpyHeader;
import allpairs.plan.Plan;
import allpairs.spark.EdgeAssembler;
import allpairs.spark.PreviewAccumulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** An edge list as one structured .npy of (i, j, value) records, streamed band by band by the driver. */
public final class EdgeNpySink implements Sink {
    /** NumPy's repr of the record dtype, as numpy.save writes it in the header. */
    public static final String NPY_DESCR = descr(OutputDtype.FLOAT64);
    /** The largest record (float64 values). */
    private static final int RECORD_BYTES = 24;
    /** Edges up to this many bytes come to the driver in one job (a dense band's default budget). */
    private static final long ONE_JOB_BYTES = 32L << 20;
    private final FileSystem fs;
    private final Path file;
    private final OutputDtype dtype;
    private final Integer topK;
    private final boolean ascending;
    private final PreviewAccumulator preview;

    /**
     * @param topK each row's K best (ascending: smaller is better), or null to keep every edge
     * @param preview where the edges are counted per preview block, or null
     */
    public EdgeNpySink(FileSystem fs, Path file, OutputDtype dtype, Integer topK, boolean ascending,
                       PreviewAccumulator preview) {
        this.fs = fs;
        this.file = file;
        this.dtype = dtype;
        this.topK = topK;
        this.ascending = ascending;
        this.preview = preview;
    }

    /**
     * Counts first (one small job, the assembled bands kept), then fetches the edges: all in one
     * job when they fit {@link #ONE_JOB_BYTES}, else band by band (one job each), so the driver
     * never holds more than that or one band.
     */
    @Override
    public long write(SparkSession spark, JavaPairRDD<Integer, Piece> pieces, Plan plan) throws IOException {
        JavaRDD<EdgeBand> bands = EdgeAssembler.assemble(pieces, plan, topK, ascending, preview)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long total = 0;
            for (long c : bands.map(b -> (long) b.edges().size()).collect()) {
                total += c;
            }
            Iterator<EdgeBand> it = total * RECORD_BYTES <= ONE_JOB_BYTES ? bands.collect().iterator()
                    : bands.toLocalIterator();
            writeBands(it, total, plan.bands());
            return total;
        } finally {
            bands.unpersist(false);
        }
    }

    /** The record dtype with values of {@code dtype} (packed: numpy.save writes no padding for it either). */
    public static String descr(OutputDtype dtype) {
        return "[('i', '<i8'), ('j', '<i8'), ('value', '" + dtype.descr() + "')]";
    }

    private void writeBands(Iterator<EdgeBand> it, long total, int bandCount) throws IOException {
        long written = 0;
        try (OutputStream out = fs.create(file, false)) {
            out.write(NpyHeader.encodeRaw(descr(dtype), new long[] {total}));
            ByteBuffer buf = ByteBuffer.allocate(RECORD_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
            int expected = 0;
            while (it.hasNext()) {
                EdgeBand band = it.next();
                if (band.band() != expected++) {
                    throw new IllegalStateException("edge band " + band.band() + " arrived out of order");
                }
                EdgePiece e = band.edges();
                for (int k = 0; k < e.size(); k++) {
                    if (buf.remaining() < RECORD_BYTES) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    dtype.put(buf.putLong(e.row(k)).putLong(e.col(k)), e.value(k));
                }
                out.write(buf.array(), 0, buf.position());
                buf.clear();
                written += e.size();
            }
            if (expected != bandCount || written != total) {
                throw new IllegalStateException("edge count changed between passes: " + written + " of " + total);
            }
        }
    }
}
