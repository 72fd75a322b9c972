package allpairs.compute;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-cell sums and counts of matrix values on a {@link BlockGrid}, and a {@link ValueHistogram} of
 * the values: what a task learns for a preview from the tiles or edges it holds. Only the cells a
 * task touched are kept (a task sees a few tiles, not the matrix), so a task's share stays small;
 * merged on the driver into the whole grid. No Spark here.
 */
public final class BlockSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final BlockGrid grid;
    /** cell index (row-major) → {sum of values, number of values}. */
    private final Map<Integer, double[]> cells = new HashMap<>();
    private final ValueHistogram histogram = new ValueHistogram();

    public BlockSums(BlockGrid grid) {
        this.grid = grid;
    }

    public BlockGrid grid() {
        return grid;
    }

    public ValueHistogram histogram() {
        return histogram;
    }

    /** A row-major rectangle of values: rows [rowStart, +rows) × columns [colStart, +cols). */
    public void addValues(int rowStart, int rows, int colStart, int cols, double[] values) {
        if (rows == 0 || cols == 0) {
            return;
        }
        int cr0 = grid.cellOf(rowStart);
        int cc0 = grid.cellOf(colStart);
        int spanC = grid.cellOf(colStart + cols - 1) - cc0 + 1;
        int spanR = grid.cellOf(rowStart + rows - 1) - cr0 + 1;
        double[] sums = new double[spanR * spanC]; // per rectangle, not per value
        long[] counts = new long[spanR * spanC];
        for (int r = 0; r < rows; r++) {
            int base = (grid.cellOf(rowStart + r) - cr0) * spanC;
            for (int c = 0; c < cols; c++) {
                double v = values[r * cols + c];
                int cell = base + grid.cellOf(colStart + c) - cc0;
                sums[cell] += v;
                counts[cell]++;
                histogram.add(v);
            }
        }
        for (int r = 0; r < spanR; r++) {
            for (int c = 0; c < spanC; c++) {
                add((cr0 + r) * grid.cols() + cc0 + c, sums[r * spanC + c], counts[r * spanC + c]);
            }
        }
    }

    /** Edges (i, j, value): each counts one in its cell, its value in the histogram. */
    public void addEdges(EdgePiece edges) {
        for (int e = 0; e < edges.size(); e++) {
            add(grid.cellOf(edges.row(e)) * grid.cols() + grid.cellOf(edges.col(e)), edges.value(e), 1);
            histogram.add(edges.value(e));
        }
    }

    private void add(int cell, double sum, double count) {
        double[] at = cells.computeIfAbsent(cell, c -> new double[2]);
        at[0] += sum;
        at[1] += count;
    }

    public void merge(BlockSums other) {
        other.cells.forEach((cell, at) -> add(cell, at[0], at[1]));
        histogram.merge(other.histogram);
    }

    /** Row-major mean of each cell's values; NaN where a cell has none. */
    public double[] means() {
        double[] out = new double[grid.rows() * grid.cols()];
        java.util.Arrays.fill(out, Double.NaN);
        cells.forEach((cell, at) -> out[cell] = at[0] / at[1]);
        return out;
    }

    /** Row-major fraction of each cell's matrix entries that are edges (0 where none). */
    public double[] density() {
        double[] out = new double[grid.rows() * grid.cols()];
        cells.forEach((cell, at) -> out[cell] = at[1] / grid.entries(cell / grid.cols(), cell % grid.cols()));
        return out;
    }
}
