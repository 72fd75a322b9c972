package allpairs.spark.sink;

import allpairs.compute.BandPiece;
import allpairs.compute.Piece;
import allpairs.io.OutputDtype;
import allpairs.io.NpyHeader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A dense {@code .npy} written in place: the driver writes the header and sizes the file, and
 * each compute task writes its tiles' rows at their own offsets (positional writes), so no value
 * is shuffled, assembled into bands or streamed through the driver. Only where every task sees
 * the driver's file: a local master on the local file system (or {@value #SETTING}{@code =true}
 * for a mount all executors share). A retried task writes the same bytes at the same offsets.
 */
final class NpyInPlace implements FlatMapFunction<Iterator<Tuple2<Integer, Piece>>, long[]> {
    /** {@code auto} (default): in place on a local master and file system; {@code false}: through the driver. */
    static final String SETTING = "spark.allpairs.npy.inPlace";
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long dataStart;
    private final int m;
    private final int k;
    private final OutputDtype dtype;
    private final boolean condensed;

    private NpyInPlace(String file, long dataStart, int m, int k, OutputDtype dtype, boolean condensed) {
        this.file = file;
        this.dataStart = dataStart;
        this.m = m;
        this.k = k;
        this.dtype = dtype;
        this.condensed = condensed;
    }

    /** Whether the executors can write {@code fs}'s file themselves. */
    static boolean possible(SparkSession spark, FileSystem fs) {
        String setting = spark.conf().get(SETTING, "auto");
        if (!(fs instanceof RawLocalFileSystem) || "false".equals(setting)) {
            return false;
        }
        return "true".equals(setting) || spark.sparkContext().isLocal();
    }

    /**
     * Writes the m×k (or condensed) matrix into {@code path}, which must not exist.
     *
     * @return whether a diagonal value the condensed layout dropped was not 0
     */
    static boolean write(FileSystem fs, Path path, JavaPairRDD<Integer, Piece> pieces, int m, int k,
                         OutputDtype dtype, boolean condensed) throws IOException {
        long values = condensed ? (long) m * (m - 1) / 2 : (long) m * k;
        byte[] header = NpyHeader.encode(dtype.descr(), condensed ? new long[] {values} : new long[] {m, k});
        try (OutputStream out = fs.create(path, false)) {
            out.write(header);
        }
        File local = ((RawLocalFileSystem) fs).pathToFile(path);
        try (RandomAccessFile sized = new RandomAccessFile(local, "rw")) {
            sized.setLength(header.length + values * dtype.bytes());
        }
        List<long[]> written = pieces.mapPartitions(new NpyInPlace(local.getAbsolutePath(), header.length, m, k,
                dtype, condensed)).collect();
        long total = 0;
        boolean nonZeroDiagonal = false;
        for (long[] w : written) {
            total += w[0];
            nonZeroDiagonal |= w[1] != 0;
        }
        if (total != values) {
            throw new IllegalStateException("tasks wrote " + total + " of " + values + " values");
        }
        return nonZeroDiagonal;
    }

    /** One task: every piece's rows at their offsets; returns [values written, 1 if a dropped diagonal value != 0]. */
    @Override
    public Iterator<long[]> call(Iterator<Tuple2<Integer, Piece>> pieces) throws IOException {
        long[] result = new long[2];
        if (!pieces.hasNext()) {
            return Collections.singletonList(result).iterator();
        }
        try (FileChannel channel = FileChannel.open(new File(file).toPath(), StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(0);
            while (pieces.hasNext()) {
                if (!(pieces.next()._2() instanceof BandPiece p)) {
                    throw new IllegalStateException("edges among the dense pieces");
                }
                int bytes = p.cols() * dtype.bytes();
                if (buffer.capacity() < bytes) {
                    buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
                }
                for (int r = 0; r < p.rows(); r++) {
                    writeRow(channel, buffer, p, r, result);
                }
            }
        }
        return Collections.singletonList(result).iterator();
    }

    /** Row r of the piece (only right of the diagonal when condensed, SciPy's pdist order). */
    private void writeRow(FileChannel channel, ByteBuffer buffer, BandPiece p, int r, long[] result)
            throws IOException {
        int i = p.rowStart() + r;
        int from = 0;
        long index = (long) i * k + p.colStart();
        if (condensed) {
            int diagonal = i - p.colStart();
            if (diagonal >= 0 && diagonal < p.cols() && p.values()[r * p.cols() + diagonal] != 0) {
                result[1] = 1;
            }
            from = Math.max(0, diagonal + 1);
            index = (long) i * m - (long) i * (i + 1) / 2 + (p.colStart() + from - i - 1);
        }
        int count = p.cols() - from;
        if (count <= 0) {
            return;
        }
        buffer.clear();
        int offset = r * p.cols() + from;
        if (dtype == OutputDtype.FLOAT64) {
            buffer.asDoubleBuffer().put(p.values(), offset, count);
            buffer.position(count * Double.BYTES);
        } else {
            for (int c = 0; c < count; c++) {
                dtype.put(buffer, p.values()[offset + c]);
            }
        }
        buffer.flip();
        long position = dataStart + index * dtype.bytes();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        result[0] += count;
    }
}
