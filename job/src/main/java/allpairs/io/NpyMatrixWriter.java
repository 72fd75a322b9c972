package allpairs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streams an m×m (or any rows×cols) {@code <f8} matrix as a {@code .npy} file, row band by row
 * band, so the writer never holds more than the caller's band. Produces the bytes
 * {@code numpy.save} writes for the same array.
 */
public final class NpyMatrixWriter implements AutoCloseable {
    private static final int CHUNK_DOUBLES = 8192;

    private final OutputStream out;
    private final long expectedValues;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_DOUBLES * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    public NpyMatrixWriter(OutputStream out, long rows, long cols) throws IOException {
        this.out = out;
        this.expectedValues = Math.multiplyExact(rows, cols);
        Math.multiplyExact(expectedValues, (long) Double.BYTES);
        out.write(NpyHeader.encode("<f8", new long[] {rows, cols}));
    }

    /** Appends {@code count} values starting at {@code values[from]}, in C order. */
    public void write(double[] values, int from, int count) throws IOException {
        if (written + count > expectedValues) {
            throw new IOException("more values than the header's shape holds");
        }
        int end = from + count;
        for (int i = from; i < end; ) {
            buffer.clear();
            int take = Math.min(CHUNK_DOUBLES, end - i);
            buffer.asDoubleBuffer().put(values, i, take);
            out.write(buffer.array(), 0, take * Double.BYTES);
            i += take;
        }
        written += count;
    }

    /** Fails unless every value the header promised was written: a short matrix is never valid. */
    @Override
    public void close() throws IOException {
        try {
            if (written != expectedValues) {
                throw new IOException("short write: " + written + " of " + expectedValues + " values");
            }
            out.flush();
        } finally {
            out.close();
        }
    }
}
