package allpairs.compute;

import allpairs.plan.Tile;

/**
 * {@code --top-k}'s bound: while a tile is computed, each row (and, mirrored, each column) keeps its
 * K best values so far. A pair beyond both its row's and its column's current K-th best can never
 * be kept by {@link TileEmitter.TopKEdges} (the K-th best only improves), so the kernel may stop it
 * early: the emitted edges are those of the unbounded run. Offering a value the kernel stopped
 * early is harmless: it lies beyond the K-th best at that moment, so the heap rejects it.
 *
 * <p>Which heaps a tile needs: its current row's (every tile), every column's (a mirrored
 * off-diagonal tile, whose columns are also rows of the matrix), every row's (a mirrored diagonal
 * tile: row c also gets the pairs (r, c), r &lt; c, computed in earlier rows). Column heaps cost
 * min(K, height) slots each, so they are kept only while 4K &lt;= height (a quarter of the block at
 * most); otherwise, or when K &gt;= width (every partner kept), the tile is computed unbounded.
 */
final class TopKBounds extends TileBounds {
    /** Columns per kernel call: enough to amortise a kernel's per-row preparation, few enough to tighten often. */
    static final int CHUNK = 32;

    private final int k;
    private final boolean ascending;
    private final boolean mirror;
    private final boolean square;
    private final boolean includeSelf;
    private final int chunk;
    private Tile tile;
    private boolean diagonal;
    private boolean active;
    private TopK row;
    private int rowIndex;
    private TopK[] cols;

    /** @param minChunk the kernel's preferred fewest columns per call ({@link allpairs.kernel.Kernel#minTileWidth}) */
    TopKBounds(int k, boolean ascending, boolean mirror, boolean square, boolean includeSelf, int minChunk) {
        this.k = k;
        this.ascending = ascending;
        this.mirror = mirror;
        this.square = square;
        this.includeSelf = includeSelf;
        this.chunk = Math.max(CHUNK, minChunk);
    }

    @Override
    public int chunk() {
        return active ? chunk : Integer.MAX_VALUE;
    }

    @Override
    public void start(Tile tile, boolean diagonal) {
        this.tile = tile;
        this.diagonal = diagonal;
        int h = tile.height();
        int w = tile.width();
        boolean columns = mirror; // mirrored tiles feed column (diagonal: other rows') heaps too
        int colSide = diagonal ? w : h;
        active = k < w && (!columns || 4L * k <= colSide);
        row = null;
        cols = null;
        rowIndex = -1;
        if (!active) {
            return;
        }
        if (!diagonal) {
            row = new TopK(k, w, ascending);
        }
        if (columns) {
            cols = new TopK[w];
            for (int c = 0; c < w; c++) {
                cols[c] = new TopK(k, colSide, ascending);
            }
        }
    }

    @Override
    public double bound(int r, int cFrom, int cTo) {
        if (!active) {
            return unbounded();
        }
        double b = rowHeap(r).threshold();
        if (cols != null) {
            for (int c = cFrom; c < cTo; c++) {
                b = looser(b, cols[c].threshold());
            }
        }
        return b;
    }

    @Override
    public void computed(int r, int cFrom, int cTo, double[] block) {
        if (!active) {
            return;
        }
        TopK own = rowHeap(r);
        int w = tile.width();
        int i = tile.rowStart() + r;
        for (int c = cFrom; c < cTo; c++) {
            int j = tile.colStart() + c;
            double v = block[r * w + c];
            if (diagonal) {
                if (c != r) {
                    own.offer(j, v);
                    cols[c].offer(i, v); // the mirrored pair (c, r) of row c
                } else if (includeSelf) {
                    own.offer(j, v);
                }
                continue;
            }
            if (!square || i != j || includeSelf) {
                own.offer(j, v);
            }
            if (cols != null) {
                cols[c].offer(i, v);
            }
        }
    }

    /** Row r's heap: a diagonal tile's row heaps persist (earlier rows feed them); otherwise one, cleared per row. */
    private TopK rowHeap(int r) {
        if (diagonal) {
            return cols[r];
        }
        if (r != rowIndex) {
            row.clear();
            rowIndex = r;
        }
        return row;
    }

    private double unbounded() {
        return ascending ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** The bound that admits more: a pair must be beyond both heaps' K-th best to be stopped. */
    private double looser(double a, double b) {
        return ascending ? Math.max(a, b) : Math.min(a, b);
    }
}
