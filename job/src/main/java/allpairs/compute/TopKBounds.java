package allpairs.compute;

import allpairs.plan.Tile;

/**
 * {@code --top-k}'s bound: while a tile row is computed, it keeps the row's K best values so far and passes
 * the K-th best as the bound. The K-th best only improves, so a pair beyond it can never be among the row's
 * K best, whatever the kernel returns for it; offering such a value is harmless (the heap rejects it).
 *
 * <p>A mirrored tile's pairs are also candidates of the rows its columns stand for (and a diagonal tile's
 * lower half is a copy of pairs computed under other rows' bounds). There the row's bound is used only
 * when the kernel's stopped values are bounds ({@link allpairs.kernel.Kernel#stoppedValuesAreBounds}: never
 * closer than the exact value). Then, once the tile is computed, each column (each row of a diagonal tile)
 * takes its K best by the values it has; any of them that was stopped is recomputed exactly, and again
 * until its K best are all exact. Those are its true K best: every other entry is at best its stopped
 * value, already ranked after them. The edges are those of the unbounded run. Without that property,
 * mirrored tiles are computed unbounded: a heap per column was tried instead, and its loose bounds cost
 * more than they saved (dtw 0.82x, levenshtein 0.97x of the unbounded tile, 2026-12-01).
 */
final class TopKBounds extends TileBounds {
    /** Columns per kernel call: enough to amortise a kernel's per-row preparation, few enough to tighten often. */
    static final int CHUNK = 32;

    private final int k;
    private final boolean ascending;
    private final boolean square;
    private final boolean includeSelf;
    private final int chunk;
    private final boolean stoppedAreBounds;
    /** A best-first row's columns computed together: the kernel's preferred group ({@link #orderedRow}). */
    private final int[] batch;
    private Tile tile;
    private boolean active;
    private boolean mirrored;
    private TopK row;
    private TopK line;
    private int rowIndex;
    private double rowBound;
    /** The tile's block, as {@link #computed} last saw it. */
    private double[] seen;
    /** Entries computed beyond their bound (mirrored tiles): perhaps not exact. */
    private boolean[] stopped = new boolean[0];
    /** A line's entries by rank ({@link #exactBest}), and the merge sort's spare arrays. */
    private int[] order = new int[0];
    private long[] keys = new long[0];
    private int[] spareOrder = new int[0];
    private long[] spareKeys = new long[0];
    /** Pairs recomputed exactly for a column's or a diagonal tile row's K best (for tests). */
    long recomputed;
    /** Pairs the kernel computed in rows visited best first ({@link #orderedRow}; for tests). */
    long visited;

    /**
     * @param minChunk the kernel's preferred fewest columns per call ({@link allpairs.kernel.Kernel#minTileWidth})
     * @param square rows and columns are the same rows (i == j is the self pair)
     * @param stoppedAreBounds the kernel's stopped values are never closer than the exact ones
     */
    TopKBounds(int k, boolean ascending, boolean square, boolean includeSelf, int minChunk, boolean stoppedAreBounds) {
        this.k = k;
        this.ascending = ascending;
        this.square = square;
        this.includeSelf = includeSelf;
        this.chunk = Math.max(CHUNK, minChunk);
        this.stoppedAreBounds = stoppedAreBounds;
        this.batch = new int[Math.max(1, minChunk)];
    }

    @Override
    public int chunk() {
        return active ? chunk : Integer.MAX_VALUE;
    }

    /** Tiles no wider than K (every partner kept) are unbounded; mirrored ones unless stopped values are bounds. */
    @Override
    public void start(Tile tile, boolean mirrored) {
        this.tile = tile;
        this.mirrored = mirrored;
        active = (!mirrored || stoppedAreBounds) && k < tile.width();
        rowIndex = -1;
        int slots = Math.min(k, Math.max(tile.width(), tile.height()));
        if (active && (row == null || row.capacity() < slots)) {
            row = new TopK(k, Math.max(tile.width(), tile.height()), ascending);
            line = new TopK(k, Math.max(tile.width(), tile.height()), ascending);
        }
        if (active && mirrored) {
            int cells = tile.width() * tile.height();
            if (stopped.length < cells) {
                stopped = new boolean[cells];
            } else {
                java.util.Arrays.fill(stopped, 0, cells, false);
            }
        }
        int longest = Math.max(tile.width(), tile.height());
        if (active && order.length < longest) {
            order = new int[longest];
            keys = new long[longest];
            spareOrder = new int[longest];
            spareKeys = new long[longest];
        }
    }

    @Override
    public boolean ordersRows() {
        return active;
    }

    /**
     * Row r's entries hold lower bounds (never better than exact): visited best first, each computed under the
     * row's K-th best so far (exact within it, else out), until the first whose bound ranks after a full heap's
     * K-th; it and all later ones rank after the row's K best whatever their exact values. Mirrored, the entries
     * not made exact are marked stopped, for their columns' repair ({@link #finish}).
     */
    @Override
    public void orderedRow(int r, int first, double[] block, Exact exact) {
        seen = block;
        bound(r, first, tile.width()); // the row's heap, seeded on a diagonal tile
        int w = tile.width();
        int i = tile.rowStart() + r;
        int n = 0;
        for (int c = first; c < w; c++) {
            if (!square || i != tile.colStart() + c || includeSelf) {
                order[n] = c;
                keys[n++] = sortKey(block[r * w + c]);
            }
        }
        sortByKey(n);
        int o = 0;
        boolean done = false;
        while (o < n && !done) {
            // the next entries the K-th so far does not rule out, computed together (the kernel's lanes)
            double kth = row.threshold();
            int count = 0;
            for (; o < n && count < batch.length; o++) {
                int c = order[o];
                if (row.size() >= k && !row.better(tile.colStart() + c, block[r * w + c], row.worstPartner(), kth)) {
                    done = true;
                    break;
                }
                batch[count++] = c;
            }
            exact.values(r, batch, count, kth, block, w);
            visited += count;
            for (int p = 0; p < count; p++) {
                int c = batch[p];
                double v = block[r * w + c];
                boolean beyond = ascending ? v > kth : v < kth;
                if (mirrored) {
                    stopped[r * w + c] = beyond;
                }
                if (!beyond) {
                    row.offer(tile.colStart() + c, v);
                }
            }
        }
        for (; mirrored && o < n; o++) {
            stopped[r * w + order[o]] = true;
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
            if (mirrored && tile.diagonal() && r > 0) {
                seedFromUpperRows(r, seen);
            }
        }
        rowBound = row.threshold();
        return rowBound;
    }

    /**
     * A diagonal tile's row r starts at the diagonal; its pairs with the rows above are already computed
     * (column r of those rows): the exact ones start its heap, so its bound is tight from the first stretch.
     */
    private void seedFromUpperRows(int r, double[] block) {
        int w = tile.width();
        for (int c = 0; c < r; c++) {
            if (!stopped[c * w + r]) {
                row.offer(tile.colStart() + c, block[c * w + r]);
            }
        }
    }

    @Override
    public void computed(int r, int cFrom, int cTo, double[] block) {
        if (!active) {
            return;
        }
        seen = block;
        int w = tile.width();
        int i = tile.rowStart() + r;
        for (int c = cFrom; c < cTo; c++) {
            int j = tile.colStart() + c;
            double v = block[r * w + c];
            if (mirrored && (ascending ? v > rowBound : v < rowBound)) {
                stopped[r * w + c] = true;
            }
            if (!square || i != j || includeSelf) {
                row.offer(j, v);
            }
        }
    }

    /** A mirrored tile: the K best of each column (of each row, on the diagonal) made exact. */
    @Override
    public void finish(double[] block, Exact exact) {
        if (!active || !mirrored) {
            return;
        }
        int h = tile.height();
        int w = tile.width();
        if (tile.diagonal()) {
            for (int r = 1; r < h; r++) {
                for (int c = 0; c < r; c++) {
                    stopped[r * w + c] = stopped[c * w + r];
                }
            }
            for (int r = 0; r < h; r++) {
                exactBest(block, exact, r * w, 1, w, tile.colStart(), tile.rowStart() + r);
            }
        } else {
            for (int c = 0; c < w; c++) {
                exactBest(block, exact, c, w, h, tile.rowStart(), -1);
            }
        }
    }

    /**
     * One line of the block: entries at {@code first + e * step} for e in 0..count-1, partners
     * {@code partner0 + e} (the entry {@code self} skipped unless --include-self, as the emitter does).
     * Entries are visited best first by the values they have (exact, or stopped: no better than exact);
     * exact ones fill a heap of K, stopped ones are recomputed under its K-th value (exact within it,
     * else beyond it: out). The scan ends at the first entry that ranks after a full heap's K-th: every
     * later one does too, whatever its exact value. The line's K best are then exact in the block.
     */
    private void exactBest(double[] block, Exact exact, int first, int step, int count, int partner0, int self) {
        int n = 0;
        for (int e = 0; e < count; e++) {
            if (partner0 + e != self || includeSelf) {
                order[n] = e;
                keys[n++] = sortKey(block[first + e * step]);
            }
        }
        sortByKey(n);
        line.clear();
        for (int o = 0; o < n; o++) {
            int e = order[o];
            int at = first + e * step;
            double v = block[at];
            if (line.size() >= k && !line.better(partner0 + e, v, line.worstPartner(), line.threshold())) {
                return;
            }
            if (stopped[at]) {
                int r = at / tile.width();
                int c = at % tile.width();
                double kth = line.threshold();
                v = exact.value(r, c, kth);
                block[at] = v;
                stopped[at] = ascending ? v > kth : v < kth;
                if (tile.diagonal()) {
                    block[c * tile.width() + r] = v;
                    stopped[c * tile.width() + r] = stopped[at];
                }
                recomputed++;
                if (stopped[at]) {
                    continue; // beyond the K-th, which only improves
                }
            }
            line.offer(partner0 + e, v);
        }
    }

    /** A long ordered as the value ranks: best first (Double.compare's order, reversed for a score). */
    private long sortKey(double v) {
        long b = Double.doubleToLongBits(v);
        long key = b >= 0 ? b : b ^ Long.MAX_VALUE;
        return ascending ? key : ~key;
    }

    /** Stable merge sort of order[0..n) by keys (ties keep the lower partner first). */
    private void sortByKey(int n) {
        KeySort.sort(order, keys, spareOrder, spareKeys, n);
    }
}
