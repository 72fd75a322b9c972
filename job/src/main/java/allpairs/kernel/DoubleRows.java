package allpairs.kernel;

import java.util.Arrays;

/** Rows of finite doubles (DOUBLE elements) packed into one array, like {@link ByteRows}. */
public final class DoubleRows extends PackedRows {
    private static final long serialVersionUID = 1L;
    private final double[] data;

    public DoubleRows(double[] data, int[] offsets, String[] ids) {
        super(data.length, offsets, ids);
        this.data = data;
    }

    public static DoubleRows rectangular(int m, int n, double[] data) {
        return new DoubleRows(data, rectangularOffsets(m, n), null);
    }

    /** The backing array, shared: kernels read rows in place. */
    public double[] data() {
        return data;
    }

    public double get(int row, int col) {
        return data[offsets[row] + col];
    }

    @Override
    public DoubleRows slice(int from, int to) {
        return new DoubleRows(Arrays.copyOfRange(data, offsets[from], offsets[to]), sliceOffsets(from, to),
                sliceIds(from, to));
    }

    @Override
    public long dataBytes() {
        return (long) data.length * Double.BYTES;
    }
}
