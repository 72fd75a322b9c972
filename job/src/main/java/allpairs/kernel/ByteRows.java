package allpairs.kernel;

/**
 * Rows of bytes (INT8, UINT8 or SYMBOL elements) packed into one array: row i is
 * {@code data[offset(i) .. offset(i) + length(i))}.
 * A plain class, not a record: Spark's Kryo cannot set the final fields of a record.
 */
public final class ByteRows implements Rows {
    private static final long serialVersionUID = 1L;

    private final byte[] data;
    private final int[] offsets;
    private final String[] ids;
    private final int maxLength;

    /** @param offsets m + 1 ascending offsets into data; row i spans offsets[i] .. offsets[i+1] */
    public ByteRows(byte[] data, int[] offsets, String[] ids) {
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

    /** m rows of n bytes each, row-major. */
    public static ByteRows rectangular(int m, int n, byte[] data) {
        int[] offsets = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            offsets[i] = Math.multiplyExact(i, n);
        }
        return new ByteRows(data, offsets, null);
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

    /** The backing array, shared: kernels read rows in place. */
    public byte[] data() {
        return data;
    }

    public int offset(int row) {
        return offsets[row];
    }

    public byte get(int row, int col) {
        return data[offsets[row] + col];
    }

    @Override
    public ByteRows slice(int from, int to) {
        int[] bounds = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            bounds[i - from] = offsets[i] - offsets[from];
        }
        String[] sliceIds = ids == null ? null : java.util.Arrays.copyOfRange(ids, from, to);
        return new ByteRows(java.util.Arrays.copyOfRange(data, offsets[from], offsets[to]), bounds, sliceIds);
    }

    @Override
    public long dataBytes() {
        return (long) data.length * 1;
    }
}
