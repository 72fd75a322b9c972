package allpairs.compute;

import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.plan.Tile;

/** The values of one tile, computed with a scratch the caller owns. Pure: no Spark, no I/O. */
public final class TileComputer {
    private TileComputer() {
    }

    /**
     * The tile's values, row-major, where {@code rows} holds matrix rows from {@code rowOffset} on and
     * {@code cols} columns from {@code colOffset} on (0 for broadcast rows, the block start for the
     * blocks of a block-join). When mirroring, the kernel always gets (min(i,j), max(i,j)) in input
     * order, so every entry has the same bits whatever the tiling: mirrored tiles hold only I <= J,
     * and a diagonal tile starts each row at the diagonal and copies the lower half.
     *
     * @param bound passed to {@link Kernel#computeRow}: entries beyond it may be any value beyond it
     *              ({@code kernel.kind().unbounded()} for exact values everywhere)
     */
    public static <S> double[] compute(Kernel<S> kernel, Rows rows, int rowOffset, Rows cols, int colOffset,
                                       boolean mirror, Tile tile, double bound, S scratch) {
        return compute(kernel, rows, rowOffset, cols, colOffset, mirror, tile, TileBounds.fixed(bound), scratch);
    }

    /**
     * As above, each row computed in stretches of {@link TileBounds#chunk} columns, each under the
     * bound {@code bounds} gives for it, which then sees the stretch's values (so a top-k bound
     * tightens as the tile fills).
     */
    public static <S> double[] compute(Kernel<S> kernel, Rows rows, int rowOffset, Rows cols, int colOffset,
                                       boolean mirror, Tile tile, TileBounds bounds, S scratch) {
        int h = tile.height();
        int w = tile.width();
        double[] block = new double[h * w];
        boolean diagonal = mirror && tile.diagonal();
        int colFrom = tile.colStart() - colOffset;
        bounds.start(tile, mirror);
        int chunk = bounds.chunk();
        TileBounds.Exact exact = exactEntries(kernel, rows, rowOffset, cols, colOffset, mirror, tile, scratch);
        for (int r = 0; r < h; r++) {
            int first = diagonal ? r : 0;
            int i = tile.rowStart() + r - rowOffset;
            if (bounds.ordersRows() && kernel.lowerBounds(rows, i, cols, colFrom + first, colFrom + w,
                    bounds.bound(r, first, w), scratch, block, r * w + first)) {
                bounds.orderedRow(r, first, block, exact);
            } else {
                for (int c = first; c < w; ) {
                    int end = (int) Math.min(w, (long) c + chunk);
                    kernel.computeRow(rows, i, cols, colFrom + c, colFrom + end, bounds.bound(r, c, end), scratch,
                            block, r * w + c);
                    bounds.computed(r, c, end, block);
                    c = end;
                }
            }
            if (diagonal) {
                for (int c = first + 1; c < w; c++) {
                    block[c * w + r] = block[r * w + c];
                }
            }
        }
        bounds.finish(block, exact);
        return block;
    }

    /** Tile entry (r, c) alone under a bound; a mirrored pair always as (min(i, j), max(i, j)), as above. */
    private static <S> TileBounds.Exact exactEntries(Kernel<S> kernel, Rows rows, int rowOffset, Rows cols,
                                                     int colOffset, boolean mirror, Tile tile, S scratch) {
        double[] one = new double[1];
        int[] columns = new int[tile.width()];
        return new TileBounds.Exact() {
            @Override
            public double value(int r, int c, double bound) {
                int i = tile.rowStart() + r;
                int j = tile.colStart() + c;
                int a = mirror ? Math.min(i, j) : i;
                int b = mirror ? Math.max(i, j) : j;
                kernel.computeRow(rows, a - rowOffset, cols, b - colOffset, b - colOffset + 1, bound, scratch, one, 0);
                return one[0];
            }

            @Override
            public void values(int r, int[] cs, int count, double bound, double[] block, int width) {
                int colFrom = tile.colStart() - colOffset;
                for (int p = 0; p < count; p++) {
                    columns[p] = colFrom + cs[p];
                }
                kernel.computeColumns(rows, tile.rowStart() + r - rowOffset, cols, columns, count, bound, scratch,
                        block, r * width - colFrom);
            }
        };
    }

    /** The h x w row-major block as its w x h transpose (the mirrored half of an off-diagonal tile). */
    public static double[] transpose(double[] block, int h, int w) {
        double[] t = new double[block.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                t[c * h + r] = block[r * w + c];
            }
        }
        return t;
    }
}
