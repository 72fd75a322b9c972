package allpairs.compute;

import java.io.Serializable;

/**
 * How an m × k matrix is cut into square cells of {@code cellSize} × {@code cellSize} entries
 * (the last row and column of cells may be smaller) so that the grid is at most {@code maxCells}
 * cells along either side: the pixels of a preview.
 */
public final class BlockGrid implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int m;
    private final int k;
    private final int cellSize;

    public BlockGrid(int m, int k, int maxCells) {
        if (m < 1 || k < 1 || maxCells < 1) {
            throw new IllegalArgumentException("grid of " + m + " x " + k + " in " + maxCells + " cells");
        }
        this.m = m;
        this.k = k;
        int longest = Math.max(m, k);
        this.cellSize = (longest + maxCells - 1) / maxCells; // one size for both axes: square cells
    }

    public int m() {
        return m;
    }

    public int k() {
        return k;
    }

    public int cellSize() {
        return cellSize;
    }

    public int rows() {
        return (m + cellSize - 1) / cellSize;
    }

    public int cols() {
        return (k + cellSize - 1) / cellSize;
    }

    /** The cell row (or column) of matrix row (or column) {@code index}. */
    public int cellOf(int index) {
        return index / cellSize;
    }

    /** How many matrix entries cell (cr, cc) covers. */
    public long entries(int cr, int cc) {
        long h = Math.min(m, (long) (cr + 1) * cellSize) - (long) cr * cellSize;
        long w = Math.min(k, (long) (cc + 1) * cellSize) - (long) cc * cellSize;
        return h * w;
    }
}
