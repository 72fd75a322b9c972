package allpairs.kernel;

import java.util.Arrays;

/**
 * What {@link ByteRows} and {@link DoubleRows} share: rows packed back to back in one array,
 * row i spanning {@code offsets[i] .. offsets[i+1]}, with optional ids.
 * Plain classes, not records: Spark's Kryo cannot set the final fields of a record.
 */
abstract class PackedRows implements Rows {
    private static final long serialVersionUID = 1L;

    final int[] offsets;
    final String[] ids;
    private final int maxLength;

    /** @param offsets m + 1 ascending offsets, the last one equal to {@code dataLength} */
    PackedRows(int dataLength, int[] offsets, String[] ids) {
        if (offsets.length < 1 || offsets[offsets.length - 1] != dataLength) {
            throw new IllegalArgumentException("offsets do not cover the data");
        }
        if (ids != null && ids.length != offsets.length - 1) {
            throw new IllegalArgumentException("one id per row");
        }
        this.offsets = offsets;
        this.ids = ids;
        int max = 0;
        for (int i = 0; i + 1 < offsets.length; i++) {
            max = Math.max(max, offsets[i + 1] - offsets[i]);
        }
        this.maxLength = max;
    }

    /** Offsets of an m×n matrix stored row-major. */
    static int[] rectangularOffsets(int m, int n) {
        int[] offsets = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            offsets[i] = Math.multiplyExact(i, n);
        }
        return offsets;
    }

    /** Offsets of rows [from, to), relative to the start of row {@code from}. */
    int[] sliceOffsets(int from, int to) {
        int[] bounds = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            bounds[i - from] = offsets[i] - offsets[from];
        }
        return bounds;
    }

    String[] sliceIds(int from, int to) {
        return ids == null ? null : Arrays.copyOfRange(ids, from, to);
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

    /** Where row {@code row} starts in the backing array. */
    public int offset(int row) {
        return offsets[row];
    }
}
