package allpairs.kernel;

/** Rows of finite doubles packed into one array, like {@link ByteRows}. */
public final class DoubleRows implements Rows {
    private static final long serialVersionUID = 1L;

    private final double[] data;
    private final int[] offsets;
    private final String[] ids;
    private final int maxLength;

    public DoubleRows(double[] data, int[] offsets, String[] ids) {
        if (offsets.length < 1 || offsets[offsets.length - 1] != data.length) {
            throw new IllegalArgumentException("offsets do not cover the data");
        }
        if (ids != null && ids.length != offsets.length - 1) {
            throw new IllegalArgumentException("one id per row");
        }
        this.data = data;
        this.offsets = offsets;
        this.ids = ids;
        int max = 0;
        for (int i = 0; i + 1 < offsets.length; i++) {
            max = Math.max(max, offsets[i + 1] - offsets[i]);
        }
        this.maxLength = max;
    }

    public static DoubleRows rectangular(int m, int n, double[] data) {
        int[] offsets = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            offsets[i] = Math.multiplyExact(i, n);
        }
        return new DoubleRows(data, offsets, null);
    }

    @Override
    public int rows() {
        return offsets.length - 1;
    }

    @Override
    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    @Override
    public String[] ids() {
        return ids;
    }

    public double[] data() {
        return data;
    }

    public int offset(int row) {
        return offsets[row];
    }

    public double get(int row, int col) {
        return data[offsets[row] + col];
    }

    @Override
    public DoubleRows slice(int from, int to) {
        int[] bounds = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            bounds[i - from] = offsets[i] - offsets[from];
        }
        String[] sliceIds = ids == null ? null : java.util.Arrays.copyOfRange(ids, from, to);
        return new DoubleRows(java.util.Arrays.copyOfRange(data, offsets[from], offsets[to]), bounds, sliceIds);
    }

    @Override
    public long dataBytes() {
        return (long) data.length * Double.BYTES;
    }
}
