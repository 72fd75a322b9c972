package allpairs.spark;

import allpairs.checkpoint.TileStore;
import allpairs.compute.Piece;
import allpairs.compute.TileEdges;
import allpairs.compute.TileBounds;
import allpairs.compute.TileEmitter;
import allpairs.kernel.Kernel;
import allpairs.kernel.VectorSupport;
import allpairs.plan.Tile;
import allpairs.plan.TileParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The executor side, for both ways rows reach a partition ({@link TileRows}): creates the
 * kernel's scratch once (for the longest row the partition sees) and computes every pair of every
 * tile with it, lazily, one tile at a time. Each finished tile is stored in the checkpoint (if
 * any), counted, and handed to the {@link TileEmitter}. Static and self-contained: nothing here
 * refers to the driver.
 *
 * @param <S> the kernel's scratch
 * @param <T> what one partition's input iterator holds
 */
public final class TileTask<S, T> implements PairFlatMapFunction<Iterator<T>, Integer, Piece> {
    private static final long serialVersionUID = 1L;

    private final Kernel<S> kernel;
    private final TileRows<T> source;
    private final boolean mirror;
    private final Counters counters;
    private final TileStore store;
    private final TileEmitter emitter;

    /**
     * @param mirror compute only i <= j and mirror (symmetric kernel, square matrix)
     * @param store where finished tiles are also written (--checkpoint), or null
     * @param emitter what a finished tile becomes (dense pieces or kept edges)
     */
    public TileTask(Kernel<S> kernel, TileRows<T> source, boolean mirror, Counters counters, TileStore store,
                    TileEmitter emitter) {
        this.kernel = kernel;
        this.source = source;
        this.mirror = mirror;
        this.counters = counters;
        this.store = store;
        this.emitter = emitter;
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Iterator<T> partition) {
        FaultInjection.maybeFail();
        TileRows.Opened tiles = source.open(partition);
        return new Iterator<>() {
            private final ArrayDeque<Tuple2<Integer, Piece>> ready = new ArrayDeque<>(2);
            private S scratch;
            private TileBounds bounds;
            private long[] prunedReported;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && tiles.hasNext()) {
                    TaskDrain.stopIfCancelled(); // a cancelled job's task ends at the next tile, not its group's end
                    if (scratch == null) {
                        scratch = kernel.newScratch(tiles.longestRow());
                        counters.scratchCreated.add(1);
                        if (!VectorSupport.reportOnce()) {
                            counters.scalarTasks.add(1);
                        }
                        bounds = emitter.bounds(kernel);
                        prunedReported = new long[kernel.prunedBy().size()];
                    }
                    Tile tile = tiles.next();
                    if (emitter.sparse()) {
                        finished(tile, edges(tiles, tile), ready);
                    } else {
                        finished(tile, tiles.compute(kernel, mirror, tile, bounds, scratch), ready);
                    }
                    counters.addPruned(kernel.pruned(scratch), prunedReported);
                }
                return !ready.isEmpty();
            }

            /** A sparse output's tile, computed one part at a time: only the edges it keeps are held. */
            private TileEdges edges(TileRows.Opened tiles, Tile tile) {
                return TileEdges.ofParts(tile, mirror, TileParts.SIDE, emitter,
                        part -> tiles.compute(kernel, mirror, tile, part, bounds, scratch));
            }

            @Override
            public Tuple2<Integer, Piece> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** A sparse output's computed tile: its edges stored in the checkpoint (if any), counted, and emitted. */
    private void finished(Tile tile, TileEdges edges, ArrayDeque<Tuple2<Integer, Piece>> out) {
        storeAndCount(tile, () -> store.write(tile, edges));
        edges.emit((band, piece) -> out.add(new Tuple2<>(band, piece)));
    }

    /** A computed tile: stored in the checkpoint (if any), counted, and emitted. */
    private void finished(Tile tile, double[] block, ArrayDeque<Tuple2<Integer, Piece>> out) {
        storeAndCount(tile, () -> store.write(tile, block));
        emitter.emit(tile, block, (band, piece) -> out.add(new Tuple2<>(band, piece)));
    }

    /** What both kinds of tile do before they are emitted: stored (when there is a checkpoint) and counted. */
    private void storeAndCount(Tile tile, StoreWrite write) {
        if (store != null) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store tile " + tile + " in the checkpoint", e);
            }
        }
        counters.pairsComputed.add(tile.pairs(mirror));
        counters.tilesComputed.add(1);
    }

    /** A checkpoint write. */
    private interface StoreWrite {
        void run() throws IOException;
    }
}
