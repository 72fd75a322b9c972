package allpairs.spark;

import java.io.Serializable;

/** Complete matrix rows [rowStart, rowStart+rows), each of m values, row-major. */
public final class Band implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final int rowStart;
    private final int rows;
    private final int m;
    private final double[] values;

    public Band(int index, int rowStart, int rows, int m, double[] values) {
        this.index = index;
        this.rowStart = rowStart;
        this.rows = rows;
        this.m = m;
        this.values = values;
    }

    public int index() {
        return index;
    }

    public int rowStart() {
        return rowStart;
    }

    public int rows() {
        return rows;
    }

    public int m() {
        return m;
    }

    public double[] values() {
        return values;
    }
}
