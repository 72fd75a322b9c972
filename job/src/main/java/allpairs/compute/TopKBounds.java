package allpairs.compute;

import allpairs.plan.Tile;

/**
 * {@code --top-k}'s bound for an unmirrored tile ({@code --against}, or a kernel that is not
 * symmetric): while a tile row is computed, it keeps the row's K best values so far and passes the
 * K-th best as the bound. The K-th best only improves, so a pair beyond it can never be among the
 * row's K best, whatever the kernel returns for it; offering such a value is harmless (the heap
 * rejects it), so the edges are those of the unbounded run.
 *
 * <p>Mirrored tiles are computed unbounded: their pairs are also candidates of the rows their columns
 * stand for, so a pair could only be stopped beyond its column's K-th best too. Tried with a heap per
 * column: the columns' K-th bests stay loose until late in the tile, and the bound (the looser of
 * row and column) cost more than it saved (dtw 0.82x, levenshtein 0.97x of the unbounded tile on
 * 512 x 512 tiles, 2026-12-01), where the row's bound alone gives 1.48x on the same rows unmirrored.
 */
final class TopKBounds extends TileBounds {
    /** Columns per kernel call: enough to amortise a kernel's per-row preparation, few enough to tighten often. */
    static final int CHUNK = 32;

    private final int k;
    private final boolean ascending;
    private final boolean square;
    private final boolean includeSelf;
    private final int chunk;
    private Tile tile;
    private boolean active;
    private TopK row;
    private int rowIndex;

    /**
     * @param minChunk the kernel's preferred fewest columns per call ({@link allpairs.kernel.Kernel#minTileWidth})
     * @param square rows and columns are the same rows (i == j is the self pair)
     */
    TopKBounds(int k, boolean ascending, boolean square, boolean includeSelf, int minChunk) {
        this.k = k;
        this.ascending = ascending;
        this.square = square;
        this.includeSelf = includeSelf;
        this.chunk = Math.max(CHUNK, minChunk);
    }

    @Override
    public int chunk() {
        return active ? chunk : Integer.MAX_VALUE;
    }

    /** Mirrored tiles (see above) and tiles no wider than K (every partner kept) are unbounded. */
    @Override
    public void start(Tile tile, boolean mirrored) {
        this.tile = tile;
        active = !mirrored && k < tile.width();
        rowIndex = -1;
        if (active && (row == null || row.capacity() < Math.min(k, tile.width()))) {
            row = new TopK(k, tile.width(), ascending);
        }
    }

    @Override
    public double bound(int r, int cFrom, int cTo) {
        if (!active) {
            return ascending ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (r != rowIndex) {
            row.clear();
            rowIndex = r;
        }
        return row.threshold();
    }

    @Override
    public void computed(int r, int cFrom, int cTo, double[] block) {
        if (!active) {
            return;
        }
        int w = tile.width();
        int i = tile.rowStart() + r;
        for (int c = cFrom; c < cTo; c++) {
            int j = tile.colStart() + c;
            if (!square || i != j || includeSelf) {
                row.offer(j, block[r * w + c]);
            }
        }
    }
}
