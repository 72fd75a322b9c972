package allpairs.compute;

import java.util.Arrays;

/**
 * Edges (i, j, value) of one row band, in arrays (no object per edge). Built on executors by a
 * tile, merged per band, and sorted by (i, j) for output.
 */
public final class EdgePiece implements Piece {
    private static final long serialVersionUID = 1L;
    private int[] rows;
    private int[] cols;
    private double[] values;
    private int size;

    public EdgePiece() {
        this(16);
    }

    public EdgePiece(int capacity) {
        rows = new int[capacity];
        cols = new int[capacity];
        values = new double[capacity];
    }

    public void add(int i, int j, double v) {
        if (size == rows.length) {
            int grown = Math.max(16, size * 2);
            rows = Arrays.copyOf(rows, grown);
            cols = Arrays.copyOf(cols, grown);
            values = Arrays.copyOf(values, grown);
        }
        rows[size] = i;
        cols[size] = j;
        values[size] = v;
        size++;
    }

    public void addAll(EdgePiece other) {
        for (int e = 0; e < other.size; e++) {
            add(other.rows[e], other.cols[e], other.values[e]);
        }
    }

    public int size() {
        return size;
    }

    public int row(int e) {
        return rows[e];
    }

    public int col(int e) {
        return cols[e];
    }

    public double value(int e) {
        return values[e];
    }

    /** The edges reordered by {@code order} (indices into this piece). */
    public EdgePiece select(int[] order, int count) {
        EdgePiece out = new EdgePiece(Math.max(1, count));
        for (int e = 0; e < count; e++) {
            out.add(rows[order[e]], cols[order[e]], values[order[e]]);
        }
        return out;
    }

    /** Indices of the edges sorted by (i, j). */
    public int[] orderByRowThenColumn() {
        return sortedIndices((a, b) -> rows[a] != rows[b] ? Integer.compare(rows[a], rows[b])
                : Integer.compare(cols[a], cols[b]));
    }

    public int[] sortedIndices(java.util.Comparator<Integer> by) {
        Integer[] idx = new Integer[size];
        for (int e = 0; e < size; e++) {
            idx[e] = e;
        }
        Arrays.sort(idx, by);
        int[] out = new int[size];
        for (int e = 0; e < size; e++) {
            out[e] = idx[e];
        }
        return out;
    }
}
