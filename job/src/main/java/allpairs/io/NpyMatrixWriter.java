package allpairs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streams a {@code <f8} (or {@code <f4}) array of any shape as a {@code .npy} file, in C order,
 * piece by piece, so the writer never holds more than the caller's piece. Produces the bytes
 * {@code numpy.save} writes for the same array.
 */
public final class NpyMatrixWriter implements AutoCloseable {
    private static final int CHUNK_VALUES = 8192;

    private final OutputStream out;
    private final long expectedValues;
    private final boolean float32;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_VALUES * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    /** An m×k float64 matrix. */
    public NpyMatrixWriter(OutputStream out, long rows, long cols) throws IOException {
        this(out, new long[] {rows, cols}, false);
    }

    /** @param float32 write {@code <f4} (each double rounded once to the nearest float) instead of {@code <f8} */
    public NpyMatrixWriter(OutputStream out, long[] shape, boolean float32) throws IOException {
        this.out = out;
        long values = 1;
        for (long d : shape) {
            values = Math.multiplyExact(values, d);
        }
        this.expectedValues = values;
        this.float32 = float32;
        Math.multiplyExact(expectedValues, (long) Double.BYTES);
        out.write(NpyHeader.encode(float32 ? "<f4" : "<f8", shape));
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
            if (float32) {
                for (int p = 0; p < take; p++) {
                    buffer.putFloat((float) values[i + p]);
                }
                out.write(buffer.array(), 0, take * Float.BYTES);
            } else {
                buffer.asDoubleBuffer().put(values, i, take);
                out.write(buffer.array(), 0, take * Double.BYTES);
            }
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
