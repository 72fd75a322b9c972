package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;

/** Helpers shared by the kernel tests: ragged rows, a serialization round trip, allocation counting. */
final class KernelTestSupport {
    private KernelTestSupport() {
    }

    /** A row of {@code len} symbols drawn from the top {@code alphabet} byte values (bytes >= 128 first). */
    static byte[] randomSymbols(int len, int alphabet, java.util.SplittableRandom rnd) {
        byte[] row = new byte[len];
        for (int k = 0; k < len; k++) {
            row[k] = (byte) (255 - rnd.nextInt(alphabet));
        }
        return row;
    }

    static ByteRows ragged(byte[]... rows) {
        return ragged(null, rows);
    }

    /** The rows packed, with these ids (or none: null). */
    static ByteRows ragged(String[] ids, byte[][] rows) {
        int[] offsets = offsets(rows.length, r -> rows[r].length);
        byte[] data = new byte[offsets[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, offsets[i], rows[i].length);
        }
        return new ByteRows(data, offsets, ids);
    }

    static DoubleRows ragged(double[]... rows) {
        int[] offsets = offsets(rows.length, r -> rows[r].length);
        double[] data = new double[offsets[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, offsets[i], rows[i].length);
        }
        return new DoubleRows(data, offsets, null);
    }

    private static int[] offsets(int m, java.util.function.IntUnaryOperator length) {
        int[] offsets = new int[m + 1];
        for (int i = 0; i < m; i++) {
            offsets[i + 1] = offsets[i] + length.applyAsInt(i);
        }
        return offsets;
    }

    /** The kernel after a Java serialization round trip, as executors receive it. */
    @SuppressWarnings("unchecked")
    static <S> Kernel<S> roundTrip(Kernel<S> kernel) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(kernel);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Kernel<S>) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Asserts that evaluating every ordered pair of {@code rows} {@code reps} times with one scratch
     * allocates (almost) nothing once warm; the first pass warms up and is not counted.
     */
    static <S> void assertComputeDoesNotAllocate(Kernel<S> kernel, Rows rows, int reps) {
        S scratch = kernel.newScratch(rows.maxLength());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = 0;
        double sink = 0;
        int m = rows.rows();
        for (int pass = 0; pass < 2; pass++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int rep = 0; rep < reps; rep++) {
                for (int i = 0; i < m; i++) {
                    for (int j = i; j < m; j++) {
                        sink += kernel.compute(rows, i, rows, j, scratch);
                    }
                }
            }
            allocated = mx.getThreadAllocatedBytes(tid) - before;
        }
        long pairs = (long) reps * m * (m + 1) / 2;
        assertThat(allocated).as("bytes allocated over %d pairs (sink %s)", pairs, sink).isLessThan(Math.min(pairs, 4096));
    }
}
