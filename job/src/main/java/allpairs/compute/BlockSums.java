package allpairs.compute;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-cell sums and counts of matrix values on a {@link BlockGrid}, and a {@link ValueHistogram} of
 * the values: what a task learns for a preview from the tiles or edges it holds. Only the cells a
 * task touched are kept (a task sees a few tiles, not the matrix), so a task's share stays small;
 * merged on the driver into the whole grid. No Spark here.
 *
 * <p>What is counted follows {@link Rules}: the cells leave out the diagonal of a matrix of the
 * input against itself (self-scores, sw's 18,000 say, would otherwise set the colour scale), and the
 * histogram counts what the output holds (the condensed layout: only j &gt; i).
 */
public final class BlockSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final BlockGrid grid;
    private final Rules rules;
    /** cell index (row-major) → {sum of values, number of values}. */
    private final Map<Integer, double[]> cells = new HashMap<>();
    private final ValueHistogram histogram = new ValueHistogram();

    /**
     * @param skipDiagonal leave entries i == j out of the cells (the input against itself)
     * @param upperOnly the histogram counts only entries j &gt; i (the condensed layout writes no more)
     */
    public record Rules(boolean skipDiagonal, boolean upperOnly) implements Serializable {
        public static final Rules ALL = new Rules(false, false);
    }

    public BlockSums(BlockGrid grid) {
        this(grid, Rules.ALL);
    }

    public BlockSums(BlockGrid grid, Rules rules) {
        this.grid = grid;
        this.rules = rules;
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
            int diagonal = rowStart + r - colStart; // the column of this row's entry i == j (maybe outside)
            int skip = rules.skipDiagonal() ? diagonal : -1;
            for (int c = 0; c < cols; c++) {
                if (c != skip) {
                    int cell = base + grid.cellOf(colStart + c) - cc0;
                    sums[cell] += values[r * cols + c];
                    counts[cell]++;
                }
            }
            int first = rules.upperOnly() ? Math.max(0, Math.min(cols, diagonal + 1)) : 0;
            for (int c = first; c < cols; c++) {
                histogram.add(values[r * cols + c]);
            }
        }
        for (int r = 0; r < spanR; r++) {
            for (int c = 0; c < spanC; c++) {
                if (counts[r * spanC + c] > 0) {
                    add((cr0 + r) * grid.cols() + cc0 + c, sums[r * spanC + c], counts[r * spanC + c]);
                }
            }
        }
    }

    /** Edges (i, j, value): each counts one in its cell (self edges not, under the rules), its value in the histogram. */
    public void addEdges(EdgePiece edges) {
        for (int e = 0; e < edges.size(); e++) {
            if (!rules.skipDiagonal() || edges.row(e) != edges.col(e)) {
                add(grid.cellOf(edges.row(e)) * grid.cols() + grid.cellOf(edges.col(e)), edges.value(e), 1);
            }
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

    /** Row-major values counted in each cell (0 where none). */
    public double[] counts() {
        double[] out = new double[grid.rows() * grid.cols()];
        cells.forEach((cell, at) -> out[cell] = at[1]);
        return out;
    }

    /**
     * Row-major fraction of each cell's matrix entries that are edges (0 where none); the diagonal's
     * entries are not among a cell's entries when it is skipped.
     */
    public double[] density() {
        double[] out = new double[grid.rows() * grid.cols()];
        cells.forEach((cell, at) -> out[cell] = at[1] / entries(cell / grid.cols(), cell % grid.cols()));
        return out;
    }

    /** Matrix entries cell (cr, cc) can count: all of them, less the diagonal's when the rules skip it. */
    public long entries(int cr, int cc) {
        long all = grid.entries(cr, cc);
        if (!rules.skipDiagonal() || cr != cc) {
            return all;
        }
        long side = Math.min(grid.m(), grid.k());
        return all - (Math.min(side, (long) (cr + 1) * grid.cellSize()) - Math.min(side, (long) cr * grid.cellSize()));
    }
}
