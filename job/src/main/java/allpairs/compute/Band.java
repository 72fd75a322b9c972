package allpairs.compute;

import java.io.Serializable;

/** Complete matrix rows [rowStart, rowStart+rows), each of {@code cols} values, row-major. */
public final class Band implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final int rowStart;
    private final int rows;
    private final int cols;
    private final double[] values;

    public Band(int index, int rowStart, int rows, int cols, double[] values) {
        this.index = index;
        this.rowStart = rowStart;
        this.rows = rows;
        this.cols = cols;
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

    public int cols() {
        return cols;
    }

    public double[] values() {
        return values;
    }
}
