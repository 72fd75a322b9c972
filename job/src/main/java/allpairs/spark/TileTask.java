package allpairs.spark;

import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.plan.Tile;
import allpairs.plan.TileGroup;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The executor side: for one partition, creates the kernel's scratch once (for the longest row)
 * and computes every pair of every tile with it. Emits each finished tile keyed by its row band
 * and, when mirroring a symmetric kernel, its transpose keyed by the column band (the lower
 * triangle). Static and self-contained: nothing here refers to the driver.
 */
public final class TileTask<S> implements PairFlatMapFunction<Iterator<TileGroup>, Integer, Piece> {
    private static final long serialVersionUID = 1L;

    private final Kernel<S> kernel;
    private final Broadcast<Rows> query;
    private final Broadcast<Rows> reference;
    private final boolean mirror;
    private final Counters counters;
    private final TileStore store;
    private final TileOutput output;

    /**
     * @param reference the column rows; the same broadcast as {@code query} for a square matrix
     * @param mirror compute only i <= j and mirror (symmetric kernel, square matrix)
     */
    public TileTask(Kernel<S> kernel, Broadcast<Rows> query, Broadcast<Rows> reference, boolean mirror,
                    Counters counters) {
        this(kernel, query, reference, mirror, counters, null, new TileOutput.Dense(mirror));
    }

    /**
     * @param store where finished tiles are also written (--checkpoint), or null
     * @param output what a finished tile becomes (dense pieces or kept edges)
     */
    TileTask(Kernel<S> kernel, Broadcast<Rows> query, Broadcast<Rows> reference, boolean mirror,
             Counters counters, TileStore store, TileOutput output) {
        this.kernel = kernel;
        this.query = query;
        this.reference = reference;
        this.mirror = mirror;
        this.counters = counters;
        this.store = store;
        this.output = output;
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Iterator<TileGroup> groups) {
        FaultInjection.maybeFail();
        Rows rows = query.value();
        Rows cols = reference.value();
        return new Iterator<>() {
            private final ArrayDeque<Tuple2<Integer, Piece>> ready = new ArrayDeque<>(2);
            private Iterator<Tile> tiles = Collections.emptyIterator();
            private S scratch;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty()) {
                    while (!tiles.hasNext()) {
                        if (!groups.hasNext()) {
                            return false;
                        }
                        tiles = Arrays.asList(groups.next().tiles()).iterator();
                    }
                    if (scratch == null) {
                        scratch = kernel.newScratch(Math.max(rows.maxLength(), cols.maxLength()));
                        counters.scratchCreated.add(1);
                    }
                    emit(tiles.next());
                }
                return true;
            }

            @Override
            public Tuple2<Integer, Piece> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void emit(Tile tile) {
                finished(tile, computeTile(kernel, rows, 0, cols, 0, mirror, tile, scratch), mirror, counters, store,
                        output, ready);
            }
        };
    }

    /** A computed tile: stored in the checkpoint (if any), counted, and emitted. */
    static void finished(Tile tile, double[] block, boolean mirror, Counters counters, TileStore store,
                         TileOutput output, java.util.Collection<Tuple2<Integer, Piece>> out) {
        if (store != null) {
            try {
                store.write(tile, block);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot store tile " + tile + " in the checkpoint", e);
            }
        }
        counters.pairsComputed.add(tile.pairs(mirror));
        counters.tilesComputed.add(1);
        output.emit(tile, block, out);
    }

    /**
     * The tile's values, row-major. When mirroring, the kernel always gets (min(i,j), max(i,j)) in
     * input order, so every entry has the same bits whatever the tiling, and a diagonal tile
     * computes i <= j and copies the rest.
     */
    public static <S> double[] computeTile(Kernel<S> kernel, Rows rows, Rows cols, boolean mirror, Tile tile,
                                           S scratch) {
        return computeTile(kernel, rows, 0, cols, 0, mirror, tile, scratch);
    }

    /**
     * As above, where {@code rows} holds matrix rows from {@code rowOffset} on and {@code cols}
     * columns from {@code colOffset} on (the blocks of a block-join plan).
     */
    static <S> double[] computeTile(Kernel<S> kernel, Rows rows, int rowOffset, Rows cols, int colOffset,
                                    boolean mirror, Tile tile, S scratch) {
        return computeTile(kernel, rows, rowOffset, cols, colOffset, mirror, tile, kernel.kind().unbounded(), scratch);
    }

    /**
     * As above, with a bound passed to {@link Kernel#computeRow}: entries beyond it may be any value
     * beyond it. Mirrored tiles hold only I <= J, so every call has i <= j (the diagonal tile starts each
     * row at the diagonal and copies the lower half).
     */
    static <S> double[] computeTile(Kernel<S> kernel, Rows rows, int rowOffset, Rows cols, int colOffset,
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

    static double[] transpose(double[] block, int h, int w) {
        double[] t = new double[block.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                t[c * h + r] = block[r * w + c];
            }
        }
        return t;
    }
}
