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
        int h = tile.height();
        int w = tile.width();
        double[] block = new double[h * w];
        boolean diagonal = mirror && tile.diagonal();
        int colFrom = tile.colStart() - colOffset;
        for (int r = 0; r < h; r++) {
            int first = diagonal ? r : 0;
            kernel.computeRow(rows, tile.rowStart() + r - rowOffset, cols, colFrom + first, colFrom + w, bound,
                    scratch, block, r * w + first);
            if (diagonal) {
                for (int c = first + 1; c < w; c++) {
                    block[c * w + r] = block[r * w + c];
                }
            }
        }
        return block;
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
