package allpairs.compute;

import allpairs.plan.Tile;

/**
 * The bound each stretch of a tile row is computed under ({@link allpairs.kernel.Kernel#computeRow}):
 * fixed for a threshold, or for {@code --top-k} the K-th best value found so far, which tightens as
 * the tile fills ({@link TopKBounds}). Executor-side state, one per partition, restarted for each
 * tile; it allocates per tile at most, never per pair.
 */
public abstract class TileBounds {
    /** Columns per {@code computeRow} call: a whole row when the bound cannot tighten. */
    public abstract int chunk();

    /** A new tile; {@code mirrored}: its values also stand for the transposed tile (symmetric kernel, square matrix). */
    public abstract void start(Tile tile, boolean mirrored);

    /** The bound for tile row {@code r}, tile columns {@code cFrom .. cTo-1}. */
    public abstract double bound(int r, int cFrom, int cTo);

    /** The values just computed for tile row {@code r}, columns {@code cFrom .. cTo-1} of the row-major block. */
    public abstract void computed(int r, int cFrom, int cTo, double[] block);

    /**
     * True when a tile row may be visited best first ({@link #orderedRow}) where the kernel gives lower bounds
     * ({@link allpairs.kernel.Kernel#lowerBounds}). Default: false.
     */
    public boolean ordersRows() {
        return false;
    }

    /**
     * Tile row r from column {@code first} on, whose entries hold the kernel's lower bounds: the entries that
     * matter computed with {@code exact}, the others left at their bounds. Only where {@link #ordersRows}.
     */
    public void orderedRow(int r, int first, double[] block, Exact exact) {
        throw new UnsupportedOperationException();
    }

    /** Tile entry (r, c) computed again under {@code bound}: exact within it, as the kernel's contract says. */
    public interface Exact {
        double value(int r, int c, double bound);

        /**
         * Entries (r, cs[0 .. count-1]) of the row-major block computed under {@code bound} in one kernel call
         * (r's pairs as (i, j): the columns from r's diagonal on). Default: one by one.
         */
        default void values(int r, int[] cs, int count, double bound, double[] block, int width) {
            for (int p = 0; p < count; p++) {
                block[r * width + cs[p]] = value(r, cs[p], bound);
            }
        }
    }

    /**
     * The tile is computed (a diagonal tile's lower half copied): entries the bounds let be inexact that
     * the emitter may still keep are replaced by their {@code exact} values. Default: nothing to do.
     */
    public void finish(double[] block, Exact exact) {
    }

    /** One bound for every pair (a threshold, or the unbounded value for exact values everywhere). */
    public static TileBounds fixed(double bound) {
        return new Fixed(bound);
    }

    private static final class Fixed extends TileBounds {
        private final double bound;

        Fixed(double bound) {
            this.bound = bound;
        }

        @Override
        public int chunk() {
            return Integer.MAX_VALUE;
        }

        @Override
        public void start(Tile tile, boolean mirrored) {
        }

        @Override
        public double bound(int r, int cFrom, int cTo) {
            return bound;
        }

        @Override
        public void computed(int r, int cFrom, int cTo, double[] block) {
        }
    }
}
