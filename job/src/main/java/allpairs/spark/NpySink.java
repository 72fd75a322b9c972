package allpairs.spark;

import allpairs.io.NpyMatrixWriter;
import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;

/**
 * Streams the matrix into one {@code .npy}: the driver pulls one row band at a time
 * ({@code toLocalIterator} runs one small job per band partition) and appends it.
 */
final class NpySink {
    private NpySink() {
    }

    static void write(JavaRDD<Band> bands, int m, int k, int bandCount, FileSystem fs, Path file) throws IOException {
        try (NpyMatrixWriter writer = new NpyMatrixWriter(fs.create(file, false), m, k)) {
            int expected = 0;
            Iterator<Band> it = bands.toLocalIterator();
            while (it.hasNext()) {
                Band band = it.next();
                if (band.index() != expected) {
                    throw new IllegalStateException("band " + band.index() + " arrived, expected " + expected);
                }
                writer.write(band.values(), 0, band.values().length);
                expected++;
            }
            if (expected != bandCount) {
                throw new IllegalStateException("got " + expected + " of " + bandCount + " bands");
            }
        }
    }
}
