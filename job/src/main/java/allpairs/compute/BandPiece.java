package allpairs.compute;


/**
 * A rectangle of finished matrix values inside one row band: rows [rowStart, rowStart+rows) ×
 * columns [colStart, colStart+cols), row-major.
 */
public final class BandPiece implements Piece {
    private static final long serialVersionUID = 1L;
    private final int rowStart;
    private final int rows;
    private final int colStart;
    private final int cols;
    private final double[] values;

    public BandPiece(int rowStart, int rows, int colStart, int cols, double[] values) {
        this.rowStart = rowStart;
        this.rows = rows;
        this.colStart = colStart;
        this.cols = cols;
        this.values = values;
    }

    public int rowStart() {
        return rowStart;
    }

    public int rows() {
        return rows;
    }

    public int colStart() {
        return colStart;
    }

    public int cols() {
        return cols;
    }

    public double[] values() {
        return values;
    }
}
