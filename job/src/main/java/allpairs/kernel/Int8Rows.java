package allpairs.kernel;

import java.io.Serializable;

/** m rows of n signed bytes, stored row-major in one array (what the broadcast ships). */
public final class Int8Rows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int m;
    private final int n;
    private final byte[] data;

    public Int8Rows(int m, int n, byte[] data) {
        if ((long) m * n != data.length) {
            throw new IllegalArgumentException("data holds " + data.length + " bytes, not " + m + "x" + n);
        }
        this.m = m;
        this.n = n;
        this.data = data;
    }

    public int rows() {
        return m;
    }

    public int cols() {
        return n;
    }

    /** The backing array, shared: kernels read rows at {@link #offset(int)} without copying. */
    public byte[] data() {
        return data;
    }

    public int offset(int row) {
        return row * n;
    }

    public byte get(int row, int col) {
        return data[row * n + col];
    }
}
