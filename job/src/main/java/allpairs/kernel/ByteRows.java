package allpairs.kernel;

import java.util.Arrays;

/** Rows of bytes (INT8, UINT8 or SYMBOL elements) packed into one array. */
public final class ByteRows extends PackedRows {
    private static final long serialVersionUID = 1L;
    private final byte[] data;

    /** @param offsets m + 1 ascending offsets into data; row i spans offsets[i] .. offsets[i+1] */
    public ByteRows(byte[] data, int[] offsets, String[] ids) {
        super(data.length, offsets, ids);
        this.data = data;
    }

    /** m rows of n bytes each, row-major. */
    public static ByteRows rectangular(int m, int n, byte[] data) {
        return new ByteRows(data, rectangularOffsets(m, n), null);
    }

    /** The backing array, shared: kernels read rows in place. */
    public byte[] data() {
        return data;
    }

    public byte get(int row, int col) {
        return data[offsets[row] + col];
    }

    @Override
    public ByteRows slice(int from, int to) {
        return new ByteRows(Arrays.copyOfRange(data, offsets[from], offsets[to]), sliceOffsets(from, to),
                sliceIds(from, to));
    }

    @Override
    public long dataBytes() {
        return data.length;
    }
}
