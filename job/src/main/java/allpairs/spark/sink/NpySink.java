package allpairs.spark.sink;

import allpairs.compute.Band;
import allpairs.compute.Piece;
import allpairs.io.OutputDtype;
import allpairs.io.NpyMatrixWriter;
import allpairs.plan.Plan;
import allpairs.spark.BandAssembler;
import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matrix as one {@code .npy}, either whole (square) or only the part right of the diagonal
 * (condensed, SciPy's pdist order). Where the tasks can reach the file ({@link NpyInPlace}: a
 * local master on the local file system) they write their tiles in place; otherwise the driver
 * pulls one row band at a time ({@code toLocalIterator} runs one small job per band partition)
 * and appends it.
 */
public final class NpySink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(NpySink.class);
    private final FileSystem fs;
    private final Path file;
    private final OutputDtype dtype;
    private final boolean condensed;

    /** @param dtype the values' type, converted once; @param condensed the upper triangle without the diagonal */
    public NpySink(FileSystem fs, Path file, OutputDtype dtype, boolean condensed) {
        this.fs = fs;
        this.file = file;
        this.dtype = dtype;
        this.condensed = condensed;
    }

    @Override
    public long write(SparkSession spark, JavaPairRDD<Integer, Piece> pieces, Plan plan) throws IOException {
        boolean nonZeroDiagonal = NpyInPlace.possible(spark, fs)
                ? NpyInPlace.write(fs, file, pieces, plan.m(), plan.k(), dtype, condensed)
                : streamBands(pieces, plan);
        if (nonZeroDiagonal) {
            LOG.warn("the condensed layout drops the diagonal, but this kernel's self-values are not all 0");
        }
        return -1;
    }

    /** Through the driver, band by band; returns whether a dropped diagonal value was not 0. */
    private boolean streamBands(JavaPairRDD<Integer, Piece> pieces, Plan plan) throws IOException {
        int m = plan.m();
        int k = plan.k();
        int bandCount = plan.bands();
        long[] shape = condensed ? new long[] {(long) m * (m - 1) / 2} : new long[] {m, k};
        boolean nonZeroDiagonal = false;
        try (NpyMatrixWriter writer = new NpyMatrixWriter(fs.create(file, false), shape, dtype)) {
            int expected = 0;
            Iterator<Band> it = BandAssembler.assemble(pieces, plan).toLocalIterator();
            while (it.hasNext()) {
                Band band = it.next();
                if (band.index() != expected) {
                    throw new IllegalStateException("band " + band.index() + " arrived, expected " + expected);
                }
                if (!condensed) {
                    writer.write(band.values(), 0, band.values().length);
                } else {
                    for (int r = 0; r < band.rows(); r++) {
                        int i = band.rowStart() + r;
                        nonZeroDiagonal |= band.values()[r * k + i] != 0;
                        writer.write(band.values(), r * k + i + 1, k - i - 1);
                    }
                }
                expected++;
            }
            if (expected != bandCount) {
                throw new IllegalStateException("got " + expected + " of " + bandCount + " bands");
            }
        }
        return nonZeroDiagonal;
    }
}
