package allpairs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streams a {@code <f8} (or {@code <f4}, {@code <i4}, {@code <i2}) array of any shape as a {@code .npy} file, in C order,
 * piece by piece, so the writer never holds more than the caller's piece. Produces the bytes
 * {@code numpy.save} writes for the same array.
 */
public final class NpyMatrixWriter implements AutoCloseable {
    private static final int CHUNK_VALUES = 8192;

    private final OutputStream out;
    private final long expectedValues;
    private final OutputDtype dtype;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_VALUES * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    /** An m×k float64 matrix. */
    public NpyMatrixWriter(OutputStream out, long rows, long cols) throws IOException {
        this(out, new long[] {rows, cols}, OutputDtype.FLOAT64);
    }

    /** @param dtype the type each double is converted to once, when written */
    public NpyMatrixWriter(OutputStream out, long[] shape, OutputDtype dtype) throws IOException {
        this.out = out;
        long values = 1;
        for (long d : shape) {
            values = Math.multiplyExact(values, d);
        }
        this.expectedValues = values;
        this.dtype = dtype;
        Math.multiplyExact(expectedValues, (long) Double.BYTES);
        out.write(NpyHeader.encode(dtype.descr(), shape));
    }

    /** Appends {@code count} values starting at {@code values[from]}, in C order. */
    public void write(double[] values, int from, int count) throws IOException {
        if (written + count > expectedValues) {
            throw new IOException("more values than the header's shape holds");
        }
        int end = from + count;
        for (int i = from; i < end; ) {
            buffer.clear();
            int take = Math.min(CHUNK_VALUES, end - i);
            if (dtype == OutputDtype.FLOAT64) {
                buffer.asDoubleBuffer().put(values, i, take);
            } else {
                for (int p = 0; p < take; p++) {
                    dtype.put(buffer, values[i + p]);
                }
            }
            out.write(buffer.array(), 0, take * dtype.bytes());
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
